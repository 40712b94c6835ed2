import { afterEach, expect, test } from 'vitest';
import { addFindings } from '../../../electron/findings/finding-store';
import { versionGate } from '../../../electron/findings/version-gate';
import { makeVersion } from '../../support/make-version';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace | undefined;
afterEach(async () => ws?.close());

const columns = [
  { name: 'nom', type: 'text' as const, label: 'Nom' },
  { name: 'effectif', type: 'integer' as const, label: 'Effectif' },
];
const rows = [['Alpha', 3], ['=cmd', 'beaucoup'], ['Gamma', 5], ['Delta', 6]];

test('anyone who reads a version flags a cell, a row or a column by hand, with a note; bad targets change nothing', async () => {
  ws = await openTestWorkspace();
  const reviewer = await ws.signedIn('reviewer', 'rachid');
  const { versionId, datasetId } = makeVersion(ws.host.services.db, { columns, rows });
  const cell = await reviewer.call('findings.add', { versionId, rowId: 2, column: 'nom', note: 'Nom illisible' });
  expect(cell).toMatchObject({ source: 'manual', scope: 'cell', rowId: 2, column: 'nom', severity: 'warning', code: 'manual.flag', note: 'Nom illisible' });
  expect(cell).toMatchObject({ createdBy: 'rachid', status: 'open', decidedBy: null });
  await reviewer.call('findings.add', { versionId, rowId: 3, severity: 'error', note: 'Ligne en double' });
  await reviewer.call('findings.add', { versionId, column: 'effectif', severity: 'info', note: 'Source : DSN 2024' });
  const bad = [
    { versionId, note: 'nulle part' },
    { versionId, rowId: 2, note: '   ' },
    { versionId, rowId: 99, note: 'x' },
    { versionId, column: 'x"--', note: 'x' },
  ];
  expect(await Promise.all(bad.map((input) => reviewer.reply('findings.add', input)))).toMatchObject([
    { ok: false, error: { code: 'api.invalid_input' } },
    { ok: false, error: { code: 'api.invalid_input' } },
    { ok: false, error: { code: 'rows.not_found' } },
    { ok: false, error: { code: 'columns.not_found' } },
  ]);
  const { findings, total } = await reviewer.call('findings.list', { versionId });
  expect(total).toBe(3);
  expect(findings.map((f) => [f.scope, f.rowId, f.column, f.severity])).toEqual([
    ['column', null, 'effectif', 'info'],
    ['cell', 2, 'nom', 'warning'],
    ['row', 3, null, 'error'],
  ]);
  const grid = await reviewer.call('grid.rows', { versionId, startRow: 0, endRow: 4 });
  expect(grid.rows.map((r) => r.findings)).toEqual([
    [],
    [{ column: 'nom', source: 'manual', severity: 'warning' }],
    [{ column: '', source: 'manual', severity: 'error' }],
    [],
  ]);
  const audit = await ws.admin.call('audit.list', { limit: 3 });
  expect(audit.map((a) => [a.actor, a.action, a.target])).toEqual(Array(3).fill(['rachid', 'finding.added', `dataset:${datasetId}`]));
});

test('the list filters by source, severity and status, pages, and counts every finding for the chips', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const { versionId } = makeVersion(ws.host.services.db, { columns, rows, typeErrors: [{ row: 2, column: 'effectif' }] });
  addFindings(ws.host.services.db, versionId, [
    { source: 'security', severity: 'warning', code: 'cell.formula_like', rowId: 2, column: 'nom' },
    { source: 'validation', severity: 'error', code: 'schema.required', rowId: 4, column: 'nom' },
    { source: 'validation', severity: 'info', code: 'schema.note' },
  ]);
  const list = (filter: object, more: object = {}) => agent.call('findings.list', { versionId, filter, ...more });
  expect((await list({ sources: ['validation'] })).findings.map((f) => [f.scope, f.code])).toEqual([
    ['table', 'schema.note'],
    ['cell', 'schema.required'],
  ]);
  expect((await list({ severities: ['warning'] })).findings.map((f) => f.source)).toEqual(['type', 'security']);
  expect((await list({ sources: ['validation', 'type'], severities: ['error', 'warning'] })).total).toBe(2);
  expect((await list({}, { offset: 1, limit: 2 })).findings.map((f) => f.code)).toEqual(['type.mismatch', 'cell.formula_like']);
  const first = (await list({ sources: ['security'] })).findings[0]!;
  await agent.call('findings.dismiss', { findingId: first.id, justification: 'Texte voulu : une formule citée' });
  expect((await list({})).total).toBe(3);
  expect((await list({ statuses: ['dismissed'] })).findings.map((f) => f.id)).toEqual([first.id]);
  expect((await list({ statuses: [] })).total).toBe(4);
  expect((await list({})).counts.sort((a, b) => a.source.localeCompare(b.source) || a.severity.localeCompare(b.severity))).toEqual([
    { source: 'security', severity: 'warning', status: 'dismissed', count: 1 },
    { source: 'type', severity: 'warning', status: 'open', count: 1 },
    { source: 'validation', severity: 'error', status: 'open', count: 1 },
    { source: 'validation', severity: 'info', status: 'open', count: 1 },
  ]);
  expect(await agent.reply('findings.list', { versionId, filter: { sources: ['pii' as never] } })).toMatchObject({ ok: false, error: { code: 'api.invalid_input' } });
});

test('dismissing needs a written justification, is final and audited; resolving records who and when', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent', 'agnes');
  const db = ws.host.services.db;
  const { versionId, datasetId } = makeVersion(db, { columns, rows });
  addFindings(db, versionId, [
    { source: 'personal_data', severity: 'warning', code: 'pii.person_name', params: { score: 0.8 }, rowId: 1, column: 'nom' },
    { source: 'validation', severity: 'error', code: 'schema.required', rowId: 2, column: 'nom' },
  ]);
  const [pii, error] = (await agent.call('findings.list', { versionId })).findings;
  const auditCount = () => db.prepare('SELECT COUNT(*) FROM audit').pluck().get();
  const before = auditCount();
  for (const justification of ['', '  \n ']) {
    expect(await agent.reply('findings.dismiss', { findingId: pii!.id, justification })).toEqual({
      ok: false,
      error: { code: 'findings.justification_required', params: {} },
    });
  }
  expect(auditCount()).toBe(before);
  expect((await agent.call('findings.list', { versionId })).findings[0]).toMatchObject({ status: 'open', decidedAt: null });

  const dismissed = await agent.call('findings.dismiss', { findingId: pii!.id, justification: ' Nom d’une rue, pas d’une personne ' });
  expect(dismissed).toMatchObject({ status: 'dismissed', decidedBy: 'agnes', justification: 'Nom d’une rue, pas d’une personne' });
  expect(Date.parse(dismissed.decidedAt!)).toBeGreaterThan(Date.now() - 60_000);
  expect(await agent.reply('findings.dismiss', { findingId: pii!.id, justification: 'encore' })).toMatchObject({
    ok: false,
    error: { code: 'findings.not_open' },
  });
  expect(await agent.reply('findings.resolve', { findingId: 999, justification: '' })).toMatchObject({ ok: false, error: { code: 'findings.not_found' } });
  const resolved = await agent.call('findings.resolve', { findingId: error!.id });
  expect(resolved).toMatchObject({ status: 'resolved', decidedBy: 'agnes', justification: null });
  const audit = await ws.admin.call('audit.list', { limit: 2 });
  expect(audit.map((a) => [a.actor, a.action, a.target, a.details.findingId, a.details.justification])).toEqual([
    ['agnes', 'finding.resolved', `dataset:${datasetId}`, error!.id, null],
    ['agnes', 'finding.dismissed', `dataset:${datasetId}`, pii!.id, 'Nom d’une rue, pas d’une personne'],
  ]);
  expect((await ws.admin.call('audit.verify', {})).ok).toBe(true);
});

test('the publish gate: open errors, or open personal data at or above the threshold, block; decided ones do not', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const db = ws.host.services.db;
  const { versionId } = makeVersion(db, { columns, rows, typeErrors: [{ row: 2, column: 'effectif' }] });
  const gate = () => agent.call('findings.gate', { versionId });
  // Warnings alone (type, formula-like) never block.
  expect(await gate()).toEqual({ openErrors: 0, personalData: 0, threshold: 0.5, blocked: false });
  addFindings(db, versionId, [{ source: 'personal_data', severity: 'info', code: 'pii.maybe', params: { score: 0.2 }, rowId: 1, column: 'nom' }]);
  expect((await gate()).blocked).toBe(false);
  addFindings(db, versionId, [{ source: 'personal_data', severity: 'warning', code: 'pii.email', params: { score: 0.5 }, rowId: 3, column: 'nom' }]);
  expect(await gate()).toMatchObject({ personalData: 1, blocked: true });
  expect(versionGate(db, versionId, 0.9)).toMatchObject({ personalData: 0, blocked: false });
  // A personal-data finding without a score counts as certain.
  addFindings(db, versionId, [{ source: 'personal_data', severity: 'warning', code: 'pii.phone', rowId: 4, column: 'nom' }]);
  expect(versionGate(db, versionId, 0.9)).toMatchObject({ personalData: 1, blocked: true });
  addFindings(db, versionId, [{ source: 'validation', severity: 'error', code: 'schema.required', rowId: 2, column: 'nom' }]);
  expect(await gate()).toEqual({ openErrors: 1, personalData: 2, threshold: 0.5, blocked: true });
  for (const f of (await agent.call('findings.list', { versionId, filter: { sources: ['personal_data', 'validation'], statuses: ['open'] } })).findings) {
    await agent.call('findings.dismiss', { findingId: f.id, justification: 'Vérifié avec le service' });
  }
  expect(await gate()).toEqual({ openErrors: 0, personalData: 0, threshold: 0.5, blocked: false });
});

test('a version saved from edits carries findings with their decisions, and leaves behind those the edits settled', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  const db = ws.host.services.db;
  const { versionId } = makeVersion(db, { columns, rows, typeErrors: [{ row: 2, column: 'effectif' }] });
  addFindings(db, versionId, [
    { source: 'security', severity: 'warning', code: 'cell.formula_like', rowId: 2, column: 'nom' },
    { source: 'validation', severity: 'info', code: 'schema.note' },
  ]);
  const manual = await agent.call('findings.add', { versionId, rowId: 3, column: 'nom', note: 'À vérifier' });
  await agent.call('findings.dismiss', { findingId: manual.id, justification: 'Vérifié' });
  await agent.call('findings.add', { versionId, rowId: 4, note: 'Ligne à supprimer' });
  await agent.call('findings.add', { versionId, column: 'effectif', note: 'Colonne douteuse' });

  // The formula-like name is corrected, row 4 deleted; the type error of row 2 stays.
  await agent.call('edits.setCell', { versionId, rowId: 2, column: 'nom', value: 'Beta' });
  await agent.call('edits.deleteRows', { versionId, rowIds: [4] });
  const grid = await agent.call('grid.rows', { versionId, startRow: 0, endRow: 4 });
  expect(grid.rows[1]!.findings).toEqual([{ column: 'effectif', source: 'type', severity: 'warning' }]);
  const saved = await agent.call('edits.save', { versionId });
  const carried = await agent.call('findings.list', { versionId: saved.versionId, filter: { statuses: [] } });
  expect(carried.findings.map((f) => [f.source, f.scope, f.rowId, f.column, f.code, f.status])).toEqual([
    ['validation', 'table', null, null, 'schema.note', 'open'],
    ['manual', 'column', null, 'effectif', 'manual.flag', 'open'],
    ['type', 'cell', 2, 'effectif', 'type.mismatch', 'open'],
    ['manual', 'cell', 3, 'nom', 'manual.flag', 'dismissed'],
  ]);
  expect(carried.findings[3]).toMatchObject({ note: 'À vérifier', justification: 'Vérifié', decidedBy: manual.createdBy });
  const { versions } = await agent.call('datasets.get', { datasetId: saved.datasetId });
  expect(versions[1]!.columns.find((c) => c.name === 'effectif')!.errorCount).toBe(1);
  // The old version keeps its own findings as they were.
  expect((await agent.call('findings.list', { versionId, filter: { statuses: [] } })).total).toBe(6);
});

test('a bulk write with one bad column writes nothing', async () => {
  ws = await openTestWorkspace();
  const db = ws.host.services.db;
  const { versionId } = makeVersion(db, { columns, rows });
  const many = Array.from({ length: 1000 }, (_, i) => ({ source: 'type' as const, severity: 'warning' as const, code: 'type.mismatch', rowId: i + 1, column: 'nom' }));
  expect(() => addFindings(db, versionId, [...many, { ...many[0]!, column: 'absent' }])).toThrow(expect.objectContaining({ code: 'columns.not_found' }));
  expect(db.prepare('SELECT COUNT(*) FROM findings').pluck().get()).toBe(0);
  expect(addFindings(db, versionId, many).count).toBe(1000);
});
