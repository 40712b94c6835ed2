import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { importFile } from '../../support/import-helpers';
import { defaultProducerId, makeVersion } from '../../support/make-version';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace | undefined;
let cleanup = () => {};
afterEach(async () => {
  await ws?.close();
  cleanup();
});

const columns = [{ name: 'nom', type: 'text' as const }];
const extract = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'resources', 'cog', 'epci-communes.json'), 'utf8')) as {
  epci: { siren: string; name: string; communes: [string, string][] }[];
};

test('an admin creates producers, refused codes and duplicates leave the workspace as it was', async () => {
  ws = await openTestWorkspace();
  const epci = await ws.admin.call('producers.create', { name: 'Agglo du Val', kind: 'epci', code: '200000172' });
  expect(epci).toMatchObject({ name: 'Agglo du Val', kind: 'epci', code: '200000172', parentId: null, memberCount: 0, myRole: null });
  const commune = await ws.admin.call('producers.create', { name: 'Bonneville', kind: 'commune', code: '74042', parentId: epci.id });
  expect(commune.parentId).toBe(epci.id);
  expect(await ws.admin.reply('producers.create', { name: 'Autre', kind: 'commune', code: '74042' })).toEqual({
    ok: false,
    error: { code: 'producers.code_taken', params: { code: '74042', name: 'Bonneville' } },
  });
  // A commune's code is its INSEE code (2A/2B in Corsica), an EPCI's its SIREN.
  expect(await ws.admin.reply('producers.create', { name: 'X', kind: 'epci', code: '74042' })).toMatchObject({ error: { code: 'api.invalid_input', params: { field: 'code' } } });
  expect(await ws.admin.reply('producers.create', { name: 'X', kind: 'commune', code: null })).toMatchObject({ error: { code: 'api.invalid_input', params: { field: 'code' } } });
  expect((await ws.admin.call('producers.create', { name: 'Ajaccio', kind: 'commune', code: '2A004' })).code).toBe('2A004');
  expect(await ws.admin.reply('producers.create', { name: 'X', kind: 'commune', code: '01001', parentId: 999 })).toMatchObject({ error: { code: 'producers.not_found' } });
  const all = await ws.admin.call('producers.list', {});
  expect(all.map((p) => p.name)).toEqual(['Producteur par défaut', 'Agglo du Val', 'Bonneville', 'Ajaccio']);
  const agent = await ws.signedIn('agent');
  expect(await agent.reply('producers.create', { name: 'X', kind: 'other' })).toMatchObject({ error: { code: 'auth.role_too_low' } });
  expect((await agent.call('producers.list', {})).map((p) => [p.name, p.myRole])).toEqual([['Producteur par défaut', 'agent']]);
});

test('importing an EPCI from the shipped COG creates it and its member communes, once', async () => {
  ws = await openTestWorkspace();
  const entry = extract.epci.find((e) => e.communes.length >= 5)!;
  const found = await ws.admin.call('producers.searchCog', { query: entry.siren });
  expect(found).toEqual([{ siren: entry.siren, name: entry.name, communeCount: entry.communes.length }]);
  // By name, accents and case aside.
  const byName = await ws.admin.call('producers.searchCog', { query: entry.name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase() });
  expect(byName.map((e) => e.siren)).toContain(entry.siren);
  // One commune created by hand beforehand is kept, not duplicated.
  const [firstCode, firstName] = entry.communes[0]!;
  await ws.admin.call('producers.create', { name: `${firstName} (mairie)`, kind: 'commune', code: firstCode });
  const imported = await ws.admin.call('producers.importFromCog', { siren: entry.siren });
  expect(imported.epci).toMatchObject({ name: entry.name, kind: 'epci', code: entry.siren });
  expect(imported.created).toBe(entry.communes.length);
  expect(imported.communes.map((c) => c.code)).toEqual(entry.communes.map(([code]) => code));
  expect(imported.communes[0]!.name).toBe(`${firstName} (mairie)`);
  expect(imported.communes.slice(1).every((c) => c.parentId === imported.epci.id && c.kind === 'commune')).toBe(true);
  expect((await ws.admin.call('producers.importFromCog', { siren: entry.siren })).created).toBe(0);
  expect(await ws.admin.reply('producers.importFromCog', { siren: '123456789' })).toEqual({
    ok: false,
    error: { code: 'producers.cog_not_found', params: { siren: '123456789' } },
  });
  const audit = await ws.admin.call('audit.list', { limit: 10 });
  expect(audit.some((a) => a.action === 'producer.import_cog')).toBe(true);
});

test('members: added with a role, changed, removed; what they see follows', async () => {
  ws = await openTestWorkspace();
  const other = await ws.admin.call('producers.create', { name: 'Commune B', kind: 'commune', code: '01002' });
  const camille = await ws.signedIn('agent', 'camille');
  const users = await ws.admin.call('users.list', {});
  const camilleId = users.find((u) => u.name === 'camille')!.id;
  const mine = makeVersion(ws.host.services.db, { name: 'À moi', columns, rows: [['a']] });
  const theirs = makeVersion(ws.host.services.db, { name: 'À B', producerId: other.id, columns, rows: [['b']] });
  expect((await camille.call('datasets.list', {})).map((d) => [d.name, d.producerName])).toEqual([['À moi', 'Producteur par défaut']]);
  expect(await camille.reply('datasets.get', { datasetId: theirs.datasetId })).toEqual({
    ok: false,
    error: { code: 'datasets.not_found', params: { datasetId: theirs.datasetId } },
  });
  expect(await camille.reply('grid.rows', { versionId: theirs.versionId, startRow: 0, endRow: 10 })).toEqual({
    ok: false,
    error: { code: 'versions.not_found', params: { versionId: theirs.versionId } },
  });
  expect(await ws.admin.call('producers.setMember', { producerId: other.id, userId: camilleId, role: 'reviewer' })).toEqual([
    { userId: camilleId, name: 'camille', displayName: 'camille', role: 'reviewer' },
  ]);
  expect((await camille.call('datasets.get', { datasetId: theirs.datasetId })).can).toEqual({ read: true, edit: true, review: true, administer: false });
  expect((await camille.call('datasets.get', { datasetId: mine.datasetId })).can).toEqual({ read: true, edit: true, review: false, administer: false });
  await ws.admin.call('producers.setMember', { producerId: other.id, userId: camilleId, role: 'agent' });
  expect((await ws.admin.call('producers.members', { producerId: other.id })).map((m) => m.role)).toEqual(['agent']);
  expect(await ws.admin.call('producers.removeMember', { producerId: other.id, userId: camilleId })).toEqual([]);
  expect((await camille.call('datasets.list', {})).map((d) => d.name)).toEqual(['À moi']);
  expect(await ws.admin.reply('producers.setMember', { producerId: 999, userId: camilleId, role: 'agent' })).toMatchObject({ error: { code: 'producers.not_found' } });
  expect(await ws.admin.reply('producers.setMember', { producerId: other.id, userId: 999, role: 'agent' })).toMatchObject({ error: { code: 'users.not_found' } });
  // Admins see every producer's datasets, with what they may do.
  expect((await ws.admin.call('datasets.list', {})).map((d) => d.name).sort()).toEqual(['À B', 'À moi']);
  expect((await ws.admin.call('datasets.get', { datasetId: theirs.datasetId })).can).toEqual({ read: true, edit: true, review: true, administer: true });
});

test('edits go to the latest version only; older ones stay readable', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const first = makeVersion(ws.host.services.db, { columns, rows: [['a'], ['b']] });
  makeVersion(ws.host.services.db, { datasetId: first.datasetId, columns, rows: [['a'], ['c']] });
  expect((await agent.call('grid.rows', { versionId: first.versionId, startRow: 0, endRow: 10 })).rowCount).toBe(2);
  expect(await agent.reply('edits.setCell', { versionId: first.versionId, rowId: 1, column: 'nom', value: 'x' })).toEqual({
    ok: false,
    error: { code: 'versions.not_latest', params: { number: 1, latest: 2 } },
  });
  expect((await ws.admin.reply('edits.addRow', { versionId: first.versionId })).ok).toBe(false);
});

test('a new dataset goes to the importer’s only producer, or to the one named among theirs', async () => {
  ws = await openTestWorkspace();
  const temp = tempDir();
  cleanup = temp.cleanup;
  const path = join(temp.dir, 'liste.csv');
  writeFileSync(path, 'nom;valeur\nA;1\nB;2\n');
  const agent = await ws.signedIn('agent', 'camille');
  const camilleId = (await ws.admin.call('users.list', {})).find((u) => u.name === 'camille')!.id;
  const done = await importFile(ws.host, agent, path);
  expect(done.status).toBe('done');
  const first = await agent.call('datasets.get', { datasetId: done.result!.datasetId as number });
  expect(first.dataset.producerId).toBe(defaultProducerId);

  const b = await ws.admin.call('producers.create', { name: 'Commune B', kind: 'commune', code: '01002' });
  const c = await ws.admin.call('producers.create', { name: 'Commune C', kind: 'commune', code: '01003' });
  await ws.admin.call('producers.setMember', { producerId: b.id, userId: camilleId, role: 'agent' });
  const token = () => ws!.host.services.files.register(path);
  expect(await agent.reply('importing.start', { fileToken: token(), settings: {} })).toEqual({ ok: false, error: { code: 'producers.choose_one', params: {} } });
  expect(await agent.reply('importing.start', { fileToken: token(), settings: {}, producerId: c.id })).toEqual({
    ok: false,
    error: { code: 'producers.not_found', params: { producerId: c.id } },
  });
  const named = await importFile(ws.host, agent, path, { producerId: b.id });
  expect((await agent.call('datasets.get', { datasetId: named.result!.datasetId as number })).dataset.producerName).toBe('Commune B');
  // Admins name any producer; a user of none is told to ask for one.
  expect(await ws.admin.reply('importing.start', { fileToken: token(), settings: {} })).toMatchObject({ error: { code: 'producers.choose_one' } });
  await ws.admin.call('producers.removeMember', { producerId: b.id, userId: camilleId });
  await ws.admin.call('producers.removeMember', { producerId: defaultProducerId, userId: camilleId });
  expect(await agent.reply('importing.start', { fileToken: token(), settings: {} })).toEqual({ ok: false, error: { code: 'producers.none', params: {} } });
  expect((await agent.call('datasets.list', {})).length).toBe(0);
}, 90_000);

test('an upload and its file token belong to the user who sent it', async () => {
  ws = await openTestWorkspace();
  const camille = await ws.signedIn('agent', 'camille');
  const dominique = await ws.signedIn('agent', 'dominique');
  const data = Buffer.from('nom;valeur\nA;1\n');
  const { uploadId } = await camille.call('files.uploadStart', { fileName: 'a.csv', size: data.length });
  expect(await dominique.reply('files.uploadChunk', { uploadId, offset: 0, base64: data.toString('base64') })).toMatchObject({ error: { code: 'files.not_found' } });
  await camille.call('files.uploadChunk', { uploadId, offset: 0, base64: data.toString('base64') });
  expect(await dominique.reply('files.uploadFinish', { uploadId })).toMatchObject({ error: { code: 'files.not_found' } });
  const { fileToken } = await camille.call('files.uploadFinish', { uploadId });
  expect(await dominique.reply('importing.preview', { fileToken })).toMatchObject({ error: { code: 'files.not_found' } });
  expect(await dominique.reply('importing.start', { fileToken, settings: {} })).toMatchObject({ error: { code: 'files.not_found' } });
  expect((await camille.call('importing.preview', { fileToken })).rowCount).toBe(1);
});
