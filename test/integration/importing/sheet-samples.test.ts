import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectImported, importedVersion, importFile, sampleFiles, type ExpectedImport } from '../../support/import-helpers';
import { samplesDir } from '../../support/fixtures';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

// Every spreadsheet of test/fixtures through the whole import (format from the content,
// sheet choice, header below titles, merges, types, version). The readers' own tests check the
// raw cells; these check the imported dataset. Row counts and the values marked "LO" were
// checked once against LibreOffice 7's conversion of the same file
// (soffice --headless --convert-to csv, every sheet): same rows, same values (LibreOffice
// writes dates as shown, e.g. 10/15/2017, and percentages as 52%). Those of generated/ are
// what test/support/generate-fixtures.ts put in them.

const expected: Record<string, ExpectedImport | { error: string }> = {
  'generated/dae-texte.xlsx': {
    rows: 1,
    types: { lat_coor1: 'decimal', acc_lib: 'boolean', com_cp: 'text', dtpr_lcad: 'date' },
    values: [[1, { nom: 'DAE', lat_coor1: 48.01253318542271, com_cp: '29042', acc_lib: 1, acc_pcsec: 0, tel1: '+33299000000' }]],
  },
  'generated/decp-marches.ods': { rows: 1, types: { acheteur_id: 'text' }, values: [[1, { acheteur_id: '21440109300015', montant: 14250.4 }]] },
  'generated/decp-marches.xls': {
    rows: 1,
    types: { acheteur_id: 'text', datenotification: 'date' },
    // acheteur.id is a number in the file: an identifier all the same.
    values: [[1, { uid: '21440109300015202300012345600 ', acheteur_id: '21440109300015', datenotification: '2023-03-14', montant: 14250.4 }]],
  },
  'generated/decp-marches.xlsx': { rows: 4, types: { acheteur_id: 'text', codecpv: 'integer' }, values: [[1, { acheteur_id: '21440109300015', codecpv: 77310000 }]] },
  'edge/csvkit-test_skip_lines.xlsx': {
    rows: 5,
    settings: { headerRow: 4 },
    types: { date: 'date', integer: 'integer', boolean: 'boolean', datetime: 'datetime' },
    values: [[1, { text: 'Chicago Reader', date: '1971-01-01', integer: 40, boolean: 1, datetime: '1971-01-01T04:14:00' }]], // LO
  },
  'edge/frictionless-merged-cells.xlsx': {
    rows: 2,
    columns: ['data', 'data_2'],
    values: [[2, { data: 'data', data_2: 'data' }]],
  },
  'edge/frictionless-number-format-multicode.xlsx': { rows: 3, types: { col1: 'decimal' }, values: [[1, { col1: 4.51119775197299 }]] },
  'edge/frictionless-preserve-formatting-percentage.xlsx': { rows: 3, values: [[1, { col1: 123, col2: 0.52 }]] }, // LO: 52%
  'edge/frictionless-sheets.xlsx': { rows: 1, settings: { sheet: 'Sheet1' }, values: [[1, { id: 1, name: 'london' }]] },
  'edge/frictionless-skip-rows.xlsx': {
    rows: 2,
    settings: { headerRow: 2 },
    columns: ['a', 'b'],
    values: [[1, { a: 8, b: '9' }], [2, { a: null, b: 'TOTAL' }]],
  },
  'edge/frictionless-table-with-booleans.xls': { rows: 2, types: { boolean: 'boolean' }, values: [[1, { id: 1, boolean: 1 }], [2, { boolean: 0 }]] }, // LO
  'edge/frictionless-table-with-ints-floats-dates.ods': {
    rows: 3,
    types: { int: 'integer', float: 'decimal', date: 'date', datetime: 'datetime' },
    values: [[1, { int: 2013, float: 3.3, date: '2009-08-16', datetime: '2009-08-16T05:43:21' }]], // LO
  },
  'edge/frictionless-table-with-two-sheets.ods': { rows: 2, values: [[1, { id: 1, name: 'english' }]] },
  // No header in this file: its first row serves as one.
  'edge/sheetjs-1900.xlsx': { rows: 4, values: [[4, { c_1: 11111 }]] },
  'edge/sheetjs-merge_cells.xlsx': { rows: 3 },
  'edge/sheetjs-number_format.ods': { rows: 63, settings: { sheet: '2011' } },
  // A template with its header only.
  'generated/gabarit-vide.xlsx': { error: 'import.empty' },
  'generated/usagers-rsa.xlsx': {
    rows: 1,
    types: { date_de_naissance: 'date', n_telephones: 'text', nir: 'text' },
    values: [[1, { nom_beneficiaire: 'Fictif', date_de_naissance: '1986-01-01', cp_ville: '29042 KERBRIENT ', n_telephones: '612345678' }]],
  },
  // A group row ("Dossier", "Association"…) above the header, a "Consolidation" trailer. LO
  'real/apisubv-SuiviDossiers_test.xls': {
    rows: 2,
    settings: { headerRow: 2 },
    types: { exercice_debut: 'integer', date_commission: 'date' },
    values: [[1, { service: 'DD00', exercice_debut: 2021 }]],
  },
  'real/apisubv-fonjep.xlsx': {
    rows: 8,
    settings: { sheet: 'Versement' },
    types: { periodedebut: 'date', montantapayer: 'integer' },
    values: [[1, { postecode: 'J10540', periodedebut: '2017-01-01', periodefin: '2017-03-31', dateversement: '2017-01-26', montantapayer: 1777 }]], // LO
  },
  'real/csvapi-file_example_XLS_50.xls': {
    rows: 50,
    columns: ['c_0', 'first_name', 'last_name', 'gender', 'country', 'age', 'date', 'id'],
    values: [[1, { c_0: 1, first_name: 'Dulce', age: 32, date: '2017-10-15', id: 1562 }]], // LO
  },
  'real/csvdetective-file.ods': { rows: 3, types: { date_de_la_ceremonie: 'date' }, values: [[1, { annee: 2012, date_de_la_ceremonie: '2012-05-29', projet: 'Citizens Up' }]] }, // LO
  // The first sheet is a pivot table; the data is in "OpenDataBP". LO
  'real/mtp-BudgetPri_2014.ods': { rows: 1448, settings: { sheet: 'OpenDataBP' }, values: [[1448, { i_f: 'I', d_r: 'R', nature: 28041582, fonction: null, bp: 780000 }]] },
  'real/mtp-BudgetPri_2014.xls': {
    rows: 1448,
    settings: { sheet: 'OpenDataBP' },
    columns: ['exercice', 'i_f', 'd_r', 'nature', 'fonction', 'bp', 'libelle_fonction'],
    types: { bp: 'decimal' },
    values: [
      [1, { exercice: 2014, nature: 616, fonction: 20, bp: 1063850 }],
      [1448, { i_f: 'I', d_r: 'R', nature: 28041582, fonction: null, bp: 780000 }],
    ],
  },
  // Category rows ("Boulodrome" alone) between data rows; "acquisition en 2004" among years. LO
  'real/mtp-EquipementSportif_2012.xls': {
    rows: 253,
    settings: { sheet: 'VilleMTP_MTP_EquipementSportif' },
    types: { date_de_construction: 'text' },
    values: [[1, { installations_liste_mairie: 'Boulodrome', categories: null }]],
  },
  'generated/subventions-dates-mixtes.xlsx': {
    rows: 60,
    types: { dateconvention: 'date', idattribuant: 'text', montant: 'decimal' },
    values: [[1, { nombeneficiaire: 'FESTIVAL DES  VIEILLES PIERRES  ', dateconvention: '2017-01-24', montant: 18500, idattribuant: '22990001200017' }]],
  },
  'generated/subventions-pdf-converti.xlsx': {
    rows: 150,
    settings: { sheet: 'Feuil1' },
    types: { annee: 'integer', cp: 'text' },
    values: [[1, { annee: 2018, nom_de_l_organisme_beneficiaire: '1er MAI', cp: '29042', ville: 'KERBRIENT' }]],
  },
  'subventions-misc/apisubv-SCDL_WITH_EXERCICE_ALT.xlsx': {
    rows: 3,
    settings: { sheet: 'Sheet1' },
    types: { idbeneficiaire: 'text', annee_de_la_demande: 'integer' },
    values: [[1, { idbeneficiaire: '99000000000001', nombeneficiaire: 'une asso', annee_de_la_demande: 2023 }]], // LO
  },
};

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await openTestWorkspace();
});
afterAll(async () => ws?.close());

test('every spreadsheet sample has its expectations here', () => {
  expect(Object.keys(expected).sort()).toEqual(sampleFiles(samplesDir, /\.(xlsx|xlsm|xls|ods)$/));
});

for (const [file, want] of Object.entries(expected)) {
  test(`imports ${file}`, async () => {
    if ('error' in want) {
      const job = await importFile(ws.host, ws.admin, join(samplesDir, file));
      expect(job.error?.code).toBe(want.error);
      return;
    }
    await expectImported(ws.host, ws.admin, join(samplesDir, file), want);
  });
}

test('a sheet chosen by name', async () => {
  const { version, rows } = await importedVersion(ws.host, ws.admin, join(samplesDir, 'real/apisubv-fonjep.xlsx'), { sheet: 'Tiers' });
  expect(version.source?.settings.sheet).toBe('Tiers');
  expect(rows).toHaveLength(2); // LO
});
