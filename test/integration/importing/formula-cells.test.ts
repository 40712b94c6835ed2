import { afterEach, expect, test } from 'vitest';
import { importedVersion } from '../../support/import-helpers';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';
import { handMadeXlsx, writeTemp } from '../../unit/importing/spreadsheet-files';

let ws: TestWorkspace | undefined;
afterEach(async () => ws?.close());

const formulaFindings = async (versionId: number) =>
  (await ws!.admin.call('findings.list', { versionId, filter: { sources: ['security'], severities: [], statuses: [] } })).findings.map((f) => [
    f.rowId,
    f.column,
    f.severity,
    f.code,
  ]);

// OWASP formula injection: text that a spreadsheet would run. Numbers in a numeric column
// (-5) are not; the same characters inside a text are not either.
test('a CSV: text cells beginning with =, +, -, @, tab or CR get a warning at import, numbers do not', async () => {
  ws = await openTestWorkspace();
  const csv = [
    'id;libelle;montant;telephone',
    '1;"=HYPERLINK(""http://x"";""clic"")";-5;0102030405',
    '2;@SUM(A1);12,5;+33 1 02 03 04 05',
    '3;"\tcaché";-7,25;01 02',
    '4;"\rretour";3;02',
    '5;a=b;4;-',
    '6;-moins;n/a;03',
  ].join('\n');
  const { version, rows } = await importedVersion(ws.host, ws.admin, writeTemp('formules.csv', csv), {
    columnTypes: { montant: 'decimal', telephone: 'text' },
  });
  expect(rows.map((r) => r.montant)).toEqual([-5, 12.5, -7.25, 3, 4, 'n/a']);
  expect(await formulaFindings(version.id)).toEqual([
    [1, 'libelle', 'warning', 'cell.formula_like'],
    [2, 'libelle', 'warning', 'cell.formula_like'],
    [2, 'telephone', 'warning', 'cell.formula_like'],
    [3, 'libelle', 'warning', 'cell.formula_like'],
    [4, 'libelle', 'warning', 'cell.formula_like'],
    [5, 'telephone', 'warning', 'cell.formula_like'],
    [6, 'libelle', 'warning', 'cell.formula_like'],
  ]);
  // The cell that does not fit its type has its own finding beside it.
  const all = await ws.admin.call('findings.list', { versionId: version.id });
  expect(all.counts).toEqual(
    expect.arrayContaining([
      { source: 'security', severity: 'warning', status: 'open', count: 7 },
      { source: 'type', severity: 'warning', status: 'open', count: 1 },
    ]),
  );
  const grid = await ws.admin.call('grid.rows', { versionId: version.id, startRow: 0, endRow: 2 });
  expect(grid.rows[0]!.findings).toEqual([{ column: 'libelle', source: 'security', severity: 'warning' }]);
});

test('a spreadsheet: shared and inline strings that begin like a formula are flagged, numbers are not', async () => {
  ws = await openTestWorkspace();
  const xlsx = handMadeXlsx({
    sharedStrings: ['<t>nom</t>', '<t>valeur</t>', '<t>=1+1</t>', '<t>normal</t>'],
    sheets: [
      {
        name: 'Feuil1',
        xml:
          '<sheetData>' +
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
          '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>-3</v></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>@cmd</t></is></c><c r="B3"><v>4</v></c></row>' +
          '<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4"><v>-1.5</v></c></row>' +
          '</sheetData>',
      },
    ],
  });
  const { version } = await importedVersion(ws.host, ws.admin, writeTemp('formules.xlsx', xlsx));
  expect(version.columns.map((c) => c.type)).toEqual(['text', 'decimal']);
  expect(await formulaFindings(version.id)).toEqual([
    [1, 'nom', 'warning', 'cell.formula_like'],
    [2, 'nom', 'warning', 'cell.formula_like'],
  ]);
});
