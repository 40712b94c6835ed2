import { afterEach, expect, test } from 'vitest';
import { atelierAsAdmin } from '../../support/run-cli';
import { addFindings } from '../../../electron/findings/finding-store';
import { makeVersion } from '../../support/make-version';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

const atelier = atelierAsAdmin;

test('atelier findings list (French lines or --json) and findings dismiss with a justification', { timeout: 240_000 }, async () => {
  ws = await openTestWorkspace();
  const db = ws.host.services.db;
  const columns = [
    { name: 'nom', type: 'text' as const, label: 'Nom' },
    { name: 'effectif', type: 'integer' as const, label: 'Effectif' },
  ];
  const { datasetId, versionId } = makeVersion(db, { columns, rows: [['=A1', 3], ['Beta', 'douze']], typeErrors: [{ row: 2, column: 'effectif' }] });
  addFindings(db, versionId, [{ source: 'security', severity: 'warning', code: 'cell.formula_like', rowId: 1, column: 'nom' }]);
  const formula = db.prepare("SELECT id FROM findings WHERE code = 'cell.formula_like'").pluck().get() as number;

  const listed = atelier('findings', 'list', String(datasetId), '--workspace', ws.path);
  expect(listed.code, listed.err).toBe(0);
  expect(listed.out.split('\n')).toEqual([
    '2 signalement(s)',
    `#${formula}\tLigne 1, colonne « Nom »\tSécurité\tAvertissement\tÀ traiter\tle texte commence comme une formule de tableur (=, +, -, @, tabulation) : il sera neutralisé à l’export`,
    expect.stringMatching(/^#\d+\tLigne 2, colonne « Effectif »\tType\tAvertissement\tÀ traiter\tla valeur ne correspond pas au type entier$/),
    '',
  ]);

  expect(atelier('findings', 'dismiss', String(formula), '--workspace', ws.path)).toMatchObject({ code: 64, err: expect.stringContaining('--justification') });
  const dismissed = atelier('findings', 'dismiss', String(formula), '--justification', 'Une formule citée, voulue', '--workspace', ws.path, '--json');
  expect(dismissed.code, dismissed.err).toBe(0);
  expect(JSON.parse(dismissed.out)).toMatchObject({ id: formula, status: 'dismissed', decidedBy: 'admin', justification: 'Une formule citée, voulue' });
  expect(atelier('findings', 'dismiss', String(formula), '--justification', 'encore', '--workspace', ws.path)).toMatchObject({
    code: 1,
    err: expect.stringContaining('déjà été traité'),
  });

  const open = JSON.parse(atelier('findings', 'list', String(datasetId), '--version', '1', '--workspace', ws.path, '--json').out);
  expect(open).toMatchObject({ datasetId, version: 1, total: 1 });
  const every = JSON.parse(atelier('findings', 'list', String(datasetId), '--tous', '--workspace', ws.path, '--json').out);
  expect(every.findings.map((f: { code: string; status: string }) => [f.code, f.status])).toEqual([
    ['cell.formula_like', 'dismissed'],
    ['type.mismatch', 'open'],
  ]);
  expect(atelier('findings', 'list', 'abc', '--workspace', ws.path)).toMatchObject({ code: 64 });
});
