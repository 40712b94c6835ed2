import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { samplesDir } from '../../support/fixtures';
import { atelierAsAdmin } from '../../support/run-cli';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

const atelier = atelierAsAdmin;

test('atelier import --json, then atelier export', async () => {
  ws = await openTestWorkspace();
  const file = join(samplesDir, 'real/mtp-BudgetPri_2014.xls');
  const imported = atelier('import', file, '--sheet', 'OpenDataBP', '--workspace', ws.path, '--json');
  expect(imported.code, imported.err).toBe(0);
  const result = JSON.parse(imported.out);
  expect(result).toMatchObject({ dataset: { id: 1, name: 'mtp-BudgetPri_2014' }, version: 1, rowCount: 1448 });
  expect(result.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
    'exercice:integer',
    'i_f:text',
    'd_r:text',
    'nature:integer',
    'fonction:integer',
    'bp:decimal',
    'libelle_fonction:text',
  ]);

  // The same sheet again, named by its position, into the same dataset: version 2.
  const again = atelier('import', file, '--sheet', '2', '--dataset', '1', '--workspace', ws.path, '--json');
  expect(again.code, again.err).toBe(0);
  expect(JSON.parse(again.out)).toMatchObject({ version: 2, changes: { columnsAdded: [], columnsRemoved: [], rowsBefore: 1448, rowsAfter: 1448 } });

  const { dir, cleanup } = tempDir();
  const out = join(dir, 'budget.csv');
  const exported = atelier('export', '1', '--version', '1', '--format', 'csv', '--out', out, '--workspace', ws.path);
  expect(exported.code, exported.err).toBe(0);
  const lines = readFileSync(out, 'utf8').split('\r\n');
  expect(lines[0]).toBe('Exercice,I_F,D_R,Nature,Fonction,BP,Libellé fonction');
  expect(lines[1]).toBe('2014,F,D,616,20,1063850,ADMINISTRATION GENERALE DE LA COLLECTIVITE');
  expect(lines).toHaveLength(1448 + 2);
  cleanup();
}, 60_000);

test('failures: French message and exit code', async () => {
  ws = await openTestWorkspace();
  const missing = atelier('import', '/nulle/part.csv', '--workspace', ws.path);
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('Le fichier part.csv est introuvable');
  const empty = atelier('import', join(samplesDir, 'generated/gabarit-vide.xlsx'), '--workspace', ws.path);
  expect(empty.code).toBe(1);
  expect(empty.err).toContain('ne contient aucune donnée');
  const badEncoding = atelier('import', join(samplesDir, 'edge/frictionless-bom.csv'), '--encoding', 'ebcdic', '--workspace', ws.path);
  expect(badEncoding.code).toBe(64);
  const noDataset = atelier('export', '9', '--format', 'csv', '--out', '/tmp/x.csv', '--workspace', ws.path);
  expect(noDataset.code).toBe(1);
  expect(noDataset.err).toContain("Ce jeu de données n'existe pas");
}, 60_000);
