import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../shared/api-client';
import { methods, type MethodName, type Role } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/errors';
import { addFindings } from '../../../electron/findings/finding-store';
import { createServiceHost, type ServiceHost } from '../../../electron/host/service-host';
import { defaultProducerId, makeVersion } from '../../support/make-version';
import { adminPassword, tempDir, userPassword } from '../../support/temp-workspace';
import { transportKinds, type Connector } from '../contract/transports';

// The one permission check, over the loopback HTTP door: every contract method × caller ×
// the producer its target belongs to. Producer A is the agent's and the reviewer's; B is the
// outsider's. For files and jobs (owned by a user, not a producer) A stands for the caller's
// own object and B for another user's. Every cell gets fresh objects, so that one method's
// effect (a save, a sign-out) never changes the next one's answer.
type Caller = 'agent' | 'reviewer' | 'admin' | 'outsider';
type Target = 'A' | 'B';
const callers: Record<Caller, { role: Role; member: { producer: Target; role: 'agent' | 'reviewer' } | null }> = {
  agent: { role: 'agent', member: { producer: 'A', role: 'agent' } },
  reviewer: { role: 'reviewer', member: { producer: 'A', role: 'reviewer' } },
  admin: { role: 'admin', member: null },
  // A reviewer account that is only an agent in B: the role in the producer is what counts.
  outsider: { role: 'reviewer', member: { producer: 'B', role: 'agent' } },
};
const targets: Target[] = ['A', 'B'];

type Scope =
  | { kind: 'none' }
  // A dataset or a version of the target producer. `hidden`: how a non-member is answered.
  | { kind: 'producer'; hidden: ErrorCode | 'unlisted'; intent?: 'read' | 'edit' | 'review' | 'administer' }
  | { kind: 'owner'; hidden: ErrorCode; adminSees: boolean };

interface Fixture {
  caller: Caller;
  name: string;
  unique: number;
  producerId: number;
  dataset(): { datasetId: number; versionId: number; firstVersionId: number };
  fileToken(): string;
  ownFileToken(): string;
  uploadId(size: number): string;
  jobId(): string;
  newUserId(): number;
}

interface Case {
  scope: Scope;
  input: (f: Fixture) => unknown;
  // An answer that proves the call got past the check (e.g. nothing to undo on a fresh version).
  allowed?: ErrorCode | 'listed';
  // Reads the outcome from the value (lists), instead of 'ok'.
  observe?: (value: unknown, f: Fixture) => string;
  // Runs in a session of its own (sign-out ends the one it runs in).
  ownSession?: true;
}

const read = { kind: 'producer', hidden: 'versions.not_found', intent: 'read' } as const;
const edit = { kind: 'producer', hidden: 'versions.not_found', intent: 'edit' } as const;
const none = { kind: 'none' } as const;
const file = { kind: 'owner', hidden: 'files.not_found', adminSees: false } as const;
const job = { kind: 'owner', hidden: 'jobs.not_found', adminSees: true } as const;
// A finding answers like its version: a non-member is told it does not exist.
const finding = { kind: 'producer', hidden: 'findings.not_found', intent: 'edit' } as const;
const newFinding = (f: Fixture) =>
  addFindings(host.services.db, f.dataset().versionId, [{ source: 'validation', severity: 'error', code: 'schema.required', rowId: 1, column: 'nom' }]).firstId;
const csv = Buffer.from('nom;valeur\nA;1\nB;2\n');
const v = (f: Fixture) => ({ versionId: f.dataset().versionId });

const cases: Partial<Record<MethodName, Case>> = {
  'session.status': { scope: none, input: () => ({}) },
  'session.setup': { scope: none, input: (f) => ({ name: `x${f.unique}`, password: adminPassword }), allowed: 'setup.already_done' },
  'session.signIn': { scope: none, input: (f) => ({ name: f.name, password: passwordOf(f.caller) }) },
  // The same password again: refused after the access check, before any password is checked.
  'session.changePassword': {
    scope: none,
    input: (f) => ({ currentPassword: passwordOf(f.caller), newPassword: passwordOf(f.caller) }),
    allowed: 'users.password_unchanged',
  },
  'session.signOut': { scope: none, input: () => ({}), ownSession: true },
  'users.list': { scope: none, input: () => ({}) },
  'users.create': { scope: none, input: (f) => ({ name: `nouveau${f.unique}`, password: adminPassword, role: 'agent' }) },
  'users.disable': { scope: none, input: (f) => ({ userId: f.newUserId() }) },
  'users.enable': { scope: none, input: (f) => ({ userId: f.newUserId() }) },
  'users.setRole': { scope: none, input: (f) => ({ userId: f.newUserId(), role: 'reviewer' }) },
  'users.resetPassword': { scope: none, input: (f) => ({ userId: f.newUserId(), password: 'provisoire 2026' }) },
  'users.unlock': { scope: none, input: (f) => ({ userId: f.newUserId() }) },
  'audit.list': { scope: none, input: () => ({ limit: 5 }) },
  'audit.verify': { scope: none, input: () => ({}) },
  'producers.list': { scope: none, input: () => ({}) },
  'producers.create': { scope: none, input: (f) => ({ name: `Syndicat ${f.unique}`, kind: 'other' }) },
  'producers.searchCog': { scope: none, input: () => ({ query: 'métropole' }) },
  'producers.importFromCog': { scope: none, input: () => ({ siren: '200000172' }) },
  'producers.members': { scope: none, input: (f) => ({ producerId: f.producerId }) },
  'producers.setMember': { scope: none, input: (f) => ({ producerId: f.producerId, userId: f.newUserId(), role: 'agent' }) },
  'producers.removeMember': { scope: none, input: (f) => ({ producerId: f.producerId, userId: f.newUserId() }) },
  'datasets.list': {
    scope: { kind: 'producer', hidden: 'unlisted' },
    input: (f) => (f.dataset(), {}),
    allowed: 'listed',
    observe: (value, f) => ((value as { id: number }[]).some((d) => d.id === f.dataset().datasetId) ? 'listed' : 'unlisted'),
  },
  'datasets.get': { scope: { kind: 'producer', hidden: 'datasets.not_found', intent: 'read' }, input: (f) => ({ datasetId: f.dataset().datasetId }) },
  'files.uploadStart': { scope: none, input: () => ({ fileName: 'a.csv', size: csv.length }) },
  'files.uploadChunk': { scope: file, input: (f) => ({ uploadId: f.uploadId(csv.length), offset: 0, base64: csv.toString('base64') }) },
  'files.uploadFinish': { scope: file, input: (f) => ({ uploadId: f.uploadId(0) }) },
  'importing.preview': { scope: file, input: (f) => ({ fileToken: f.fileToken() }) },
  // The caller's own file into a dataset of the target producer.
  'importing.start': {
    scope: { kind: 'producer', hidden: 'datasets.not_found', intent: 'edit' },
    input: (f) => ({ fileToken: f.ownFileToken(), settings: {}, datasetId: f.dataset().datasetId }),
  },
  'jobs.get': { scope: job, input: (f) => ({ jobId: f.jobId() }) },
  'jobs.cancel': { scope: job, input: (f) => ({ jobId: f.jobId() }) },
  'grid.rows': { scope: read, input: (f) => ({ ...v(f), startRow: 0, endRow: 10 }) },
  'grid.rowIndex': { scope: read, input: (f) => ({ ...v(f), rowId: 1 }) },
  'grid.distinctValues': { scope: read, input: (f) => ({ ...v(f), column: 'nom' }) },
  'grid.profile': { scope: read, input: (f) => ({ ...v(f), column: 'nom' }) },
  'edits.state': { scope: read, input: v },
  'edits.log': { scope: read, input: v },
  'edits.setCell': { scope: edit, input: (f) => ({ ...v(f), rowId: 1, column: 'nom', value: 'Z' }) },
  'edits.undo': { scope: edit, input: v, allowed: 'edits.nothing_to_undo' },
  'edits.redo': { scope: edit, input: v, allowed: 'edits.nothing_to_redo' },
  'edits.addRow': { scope: edit, input: v },
  'edits.deleteRows': { scope: edit, input: (f) => ({ ...v(f), rowIds: [1] }) },
  'edits.findReplace': { scope: edit, input: (f) => ({ ...v(f), find: 'a', replace: 'b', apply: true }) },
  'edits.fillDown': { scope: edit, input: (f) => ({ ...v(f), columns: ['nom'], rowIds: [1, 2] }) },
  'edits.save': { scope: edit, input: v, allowed: 'edits.nothing_to_save' },
  'edits.conflicts': { scope: read, input: v },
  'edits.resolveConflicts': {
    scope: edit,
    input: (f) => ({ ...v(f), choice: 'mine', cells: [{ rowId: 1, column: 'nom' }] }),
    allowed: 'edits.no_such_conflict',
  },
  'findings.list': { scope: read, input: v },
  'findings.add': { scope: read, input: (f) => ({ ...v(f), rowId: 1, note: 'À vérifier' }) },
  'findings.gate': { scope: read, input: v },
  'findings.resolve': { scope: finding, input: (f) => ({ findingId: newFinding(f), justification: '' }) },
  'findings.dismiss': { scope: finding, input: (f) => ({ findingId: newFinding(f), justification: 'Vérifié' }) },
  'comments.list': { scope: read, input: v },
  'comments.add': { scope: read, input: (f) => ({ ...v(f), rowId: 1, body: 'À vérifier' }) },
  'compare.versions': { scope: read, input: (f) => ({ fromVersionId: f.dataset().firstVersionId, toVersionId: f.dataset().versionId }) },
  'export.start': { scope: read, input: (f) => ({ ...v(f), format: 'csv' }) },
  // Ownership of export files is tested in test/integration/exporting/export-method.test.ts.
  'export.download': { scope: none, input: () => ({ exportId: 'inconnu' }), allowed: 'export.not_found' },
};

const rank: Record<Role, number> = { agent: 1, reviewer: 2, admin: 3 };

function expected(method: MethodName, c: Case, caller: Caller, target: Target): string {
  const { access } = methods[method];
  const who = callers[caller];
  if (access !== 'public' && rank[who.role] < rank[access]) return 'auth.role_too_low';
  const { scope } = c;
  if (scope.kind === 'producer' && who.role !== 'admin') {
    if (who.member?.producer !== target) return scope.hidden;
    if (scope.intent === 'review' && who.member.role !== 'reviewer') return 'access.denied';
    if (scope.intent === 'administer') return 'access.denied';
  }
  if (scope.kind === 'owner' && target === 'B' && !(scope.adminSees && who.role === 'admin')) return scope.hidden;
  return c.allowed ?? 'ok';
}

let host: ServiceHost;
let connector: Connector;
let cleanup: () => void;
const clients = new Map<Caller, ApiClient>();
const userIds = new Map<Caller | 'stranger', number>();
const producerIds = new Map<Target, number>();
let admin: ApiClient;
let csvPath: string;
let counter = 0;

const client = () => createApiClient(connector.connect());
// The administrator's own; the others replaced their provisional one at first sign-in.
const passwordOf = (caller: Caller) => (caller === 'admin' ? adminPassword : userPassword);
async function signIn(name: Caller): Promise<ApiClient> {
  const c = client();
  await c.call('session.signIn', { name, password: passwordOf(name) });
  return c;
}

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  csvPath = join(temp.dir, 'liste.csv');
  writeFileSync(csvPath, csv);
  host = createServiceHost({ workspacePath: join(temp.dir, 'matrix.atelier'), sleep: async () => {}, log: () => {} });
  connector = await transportKinds.find((k) => k.name === 'HTTP')!.open(host);
  admin = client();
  await admin.call('session.setup', { name: 'admin', password: adminPassword });
  producerIds.set('A', defaultProducerId);
  producerIds.set('B', (await admin.call('producers.create', { name: 'Commune B', kind: 'commune', code: '01002' })).id);
  for (const [caller, who] of Object.entries(callers) as [Caller, (typeof callers)[Caller]][]) {
    if (caller === 'admin') {
      clients.set(caller, admin);
      userIds.set(caller, 1);
      continue;
    }
    const user = await admin.call('users.create', { name: caller, password: adminPassword, role: who.role });
    userIds.set(caller, user.id);
    if (who.member) await admin.call('producers.setMember', { producerId: producerIds.get(who.member.producer)!, userId: user.id, role: who.member.role });
    const first = client();
    await first.call('session.signIn', { name: caller, password: adminPassword });
    await first.call('session.changePassword', { currentPassword: adminPassword, newPassword: userPassword });
    clients.set(caller, first);
  }
  userIds.set('stranger', (await admin.call('users.create', { name: 'stranger', password: adminPassword, role: 'agent' })).id);
});

afterAll(async () => {
  await connector?.close();
  await host?.close();
  cleanup?.();
});

function fixture(caller: Caller, target: Target): Fixture {
  const { db, files, jobs } = host.services;
  const owner = target === 'A' ? userIds.get(caller)! : userIds.get('stranger')!;
  let dataset: ReturnType<Fixture['dataset']> | undefined;
  return {
    caller,
    name: caller,
    unique: ++counter,
    producerId: producerIds.get(target)!,
    dataset() {
      if (!dataset) {
        const columns = [{ name: 'nom', type: 'text' as const }];
        const first = makeVersion(db, { name: `Jeu ${counter}`, producerId: producerIds.get(target)!, columns, rows: [['a'], ['b']] });
        const latest = makeVersion(db, { datasetId: first.datasetId, columns, rows: [['a'], ['c']] });
        dataset = { datasetId: first.datasetId, versionId: latest.versionId, firstVersionId: first.versionId };
      }
      return dataset;
    },
    fileToken: () => files.register(csvPath, 'liste.csv', owner),
    ownFileToken: () => files.register(csvPath, 'liste.csv', userIds.get(caller)!),
    uploadId: (size) => files.startUpload('a.csv', size, owner),
    jobId: () => jobs.start('test', owner, async () => ({})),
    // Straight into the table: a password hash per cell would cost more than the whole matrix.
    newUserId: () =>
      Number(
        db
          .prepare("INSERT INTO users (name, name_key, display_name, role, password_hash, created_at) VALUES (?, ?, ?, 'agent', '-', ?)")
          .run(`membre${++counter}`, `membre${counter}`, `Membre ${counter}`, new Date().toISOString()).lastInsertRowid,
      ),
  };
}

test('every contract method has a case in the matrix', () => {
  expect(Object.keys(methods).filter((m) => !(m in cases))).toEqual([]);
  expect(Object.keys(cases).filter((m) => !(m in methods))).toEqual([]);
});

test.each(Object.keys(methods) as MethodName[])('%s: caller × producer', async (method) => {
  const c = cases[method];
  if (!c) throw new Error(`${method} has no case in the permission matrix: add one`);
  const actual: Record<string, string> = {};
  const wanted: Record<string, string> = {};
  for (const caller of Object.keys(callers) as Caller[]) {
    for (const target of targets) {
      const f = fixture(caller, target);
      const input = await c.input(f);
      const who = c.ownSession ? await signIn(caller) : clients.get(caller)!;
      const reply = await who.reply(method, input as never);
      const cell = `${caller} → ${target}`;
      actual[cell] = reply.ok ? (c.observe ? c.observe(reply.value, f) : 'ok') : reply.error.code;
      wanted[cell] = expected(method, c, caller, target);
    }
  }
  expect(actual).toEqual(wanted);
}, 120_000);
