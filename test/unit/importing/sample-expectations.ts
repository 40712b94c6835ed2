import type { RawCell } from '../../../electron/importing/raw-table';

// What each spreadsheet in test/fixtures must give, raw (before the table finder): its
// sheets with their number of rows (empty rows inside count, trailing ones don't) and some
// cells as [sheet, row, column, value], 0-based.
//
// Every cell of every sheet was checked once against LibreOffice's own conversion
// (`soffice --headless --convert-to csv`, all sheets): same row counts and values, except
// where LibreOffice is the one that differs from Excel:
// - edge/sheetjs-1900.xlsx: LibreOffice counts serials below 61 from 1899-12-30 and shows
//   serial 1 as 1899-12-31; Excel (and we) show 1900-01-01;
// - booleans in .xls come out of LibreOffice as 1/0;
// - LibreOffice recomputes formulas and pivot labels ("Total Result" for "Total Résultat",
//   #NAME? in sheetjs-number_format.ods) where we keep the values the file holds.
// The files under generated/ were written by test/support/generate-fixtures.ts: their
// expectations are the values it put in them.
export interface SampleExpectation {
  file: string;
  sheets: [name: string, rows: number, hidden?: boolean][];
  mergeCounts?: number[];
  cells: [sheet: number, row: number, column: number, value: RawCell][];
}

export const sampleExpectations: SampleExpectation[] = [
  {
    file: 'generated/dae-texte.xlsx',
    sheets: [["Feuille1", 2]],
    cells: [
      [0, 0, 0, "nom"],
      [0, 1, 0, "DAE"],
      [0, 1, 1, "48.01253318542271"],
      [0, 1, 5, 29042],
      [0, 1, 19, "+33299000000"],
    ],
  },
  {
    file: 'generated/decp-marches.ods',
    sheets: [["exemple-valide", 2]],
    cells: [
      [0, 1, 0, "202300012345600"],
      [0, 1, 2, 21440109300015],
      [0, 1, 8, 44109],
      [0, 1, 14, "14250.40"],
    ],
  },
  {
    file: 'generated/decp-marches.xls',
    sheets: [["exemple-valide", 2]],
    cells: [
      [0, 1, 1, "21440109300015202300012345600 "],
      [0, 1, 2, 21440109300015],
      [0, 1, 12, "2023-03-14"],
      [0, 1, 16, 51234567800019],
    ],
  },
  {
    file: 'generated/decp-marches.xlsx',
    sheets: [["exemple-valide", 5]],
    cells: [
      [0, 1, 2, "21440109300015"],
      [0, 1, 11, 12],
      [0, 3, 13, "2023-09-11  "],
      [0, 4, 18, "Paysages et Cie"],
      [0, 1, 20, 0],
    ],
  },
  {
    file: 'edge/csvkit-test_skip_lines.xlsx',
    sheets: [["Sheet1", 9]],
    cells: [
      [0, 0, 0, null],
      [0, 3, 0, "text"],
      [0, 4, 1, {"date":"1971-01-01"}],
      [0, 4, 3, true],
      [0, 4, 5, {"date":"1971-01-01T04:14:00"}],
      [0, 5, 7, "Extra data beyond headers will be trimmed"],
    ],
  },
  {
    file: 'edge/frictionless-merged-cells.xlsx',
    sheets: [["Лист1", 1]],
    mergeCounts: [1],
    cells: [
      [0, 0, 0, "data"],
    ],
  },
  {
    file: 'edge/frictionless-number-format-multicode.xlsx',
    sheets: [["Sheet1", 4]],
    cells: [
      [0, 1, 0, 4.51119775197299],
      [0, 2, 0, -9.03233986479077],
    ],
  },
  {
    file: 'edge/frictionless-preserve-formatting-percentage.xlsx',
    sheets: [["Sheet1", 4]],
    cells: [
      [0, 1, 0, 123],
      [0, 1, 1, 0.52],
    ],
  },
  {
    file: 'edge/frictionless-sheets.xlsx',
    sheets: [["Sheet1", 2], ["Sheet2", 2], ["Sheet3", 2]],
    cells: [
      [0, 1, 1, "london"],
      [1, 1, 1, "paris"],
      [2, 1, 1, "rome"],
      [2, 0, 0, "id "],
    ],
  },
  {
    file: 'edge/frictionless-skip-rows.xlsx',
    sheets: [["Sheet 1", 4]],
    mergeCounts: [1],
    cells: [
      [0, 0, 0, "Table 1"],
      [0, 1, 1, "B"],
      [0, 2, 0, 8],
    ],
  },
  {
    file: 'edge/frictionless-table-with-booleans.xls',
    sheets: [["Лист1", 3]],
    cells: [
      [0, 1, 1, true],
      [0, 2, 1, false],
      [0, 2, 0, 2],
    ],
  },
  {
    file: 'edge/frictionless-table-with-ints-floats-dates.ods',
    sheets: [["test", 4]],
    cells: [
      [0, 1, 2, {"date":"2009-08-16"}],
      [0, 1, 3, {"date":"2009-08-16T05:43:21"}],
      [0, 2, 1, 5.6],
      [0, 3, 3, {"date":"2012-08-23T20:40:59"}],
    ],
  },
  {
    file: 'edge/frictionless-table-with-two-sheets.ods',
    sheets: [["Лист1", 3], ["Tabelle2", 2]],
    cells: [
      [0, 2, 1, "中国人"],
      [1, 1, 2, 3],
    ],
  },
  {
    file: 'edge/sheetjs-1900.xlsx',
    sheets: [["Sheet1", 5]],
    cells: [
      [0, 0, 1, {"date":"1900-01-01"}],
      [0, 1, 1, {"date":"1900-01-11"}],
      [0, 2, 1, {"date":"1900-04-20"}],
      [0, 3, 1, {"date":"1903-01-15"}],
      [0, 4, 1, {"date":"1930-06-02"}],
      [0, 0, 2, "1900-01-01"],
      [0, 4, 0, 11111],
    ],
  },
  {
    file: 'edge/sheetjs-merge_cells.xlsx',
    sheets: [["Merge", 4]],
    mergeCounts: [5],
    cells: [
      [0, 0, 0, "A1:B2"],
      [0, 0, 3, "Separate blocks"],
      [0, 3, 0, "… are merged separately"],
    ],
  },
  {
    file: 'edge/sheetjs-number_format.ods',
    sheets: [["Implied", 29], ["ImpliedNegative", 29], ["2011", 74], ["Miscellany", 9], ["SSF", 12]],
    cells: [
      [0, 1, 1, 12345.6789],
      [2, 0, 2, -1.2],
      [4, 1, 0, "##0.0E+0"],
    ],
  },
  {
    file: 'generated/gabarit-vide.xlsx',
    sheets: [["Feuil1", 1]],
    cells: [
      [0, 0, 0, "id"],
      [0, 0, 26, "last_modified_date"],
    ],
  },
  {
    file: 'generated/usagers-rsa.xlsx',
    sheets: [["ENTRETIENS PHYSIQUES", 2]],
    cells: [
      [0, 0, 4, "Date de\nNaissance"],
      [0, 1, 4, {"date":"1986-01-01"}],
      [0, 1, 6, "29042 KERBRIENT "],
      [0, 1, 11, 2990175123456],
      [0, 1, 14, 612345678],
    ],
  },
  {
    file: 'real/apisubv-SuiviDossiers_test.xls',
    sheets: [["SuiviDossiers_ANS", 4]],
    cells: [
      [0, 0, 0, "Dossier"],
      [0, 1, 3, "N° Dossier Osiris"],
      [0, 2, 13, "12000000000018"],
      [0, 2, 21, "00000"],
    ],
  },
  {
    file: 'real/apisubv-fonjep.xlsx',
    sheets: [["Tiers", 3], ["Poste", 3], ["Versement", 9], ["TypePoste", 5], ["Dispositif", 9]],
    cells: [
      [0, 1, 5, "00000000000000"],
      [1, 1, 4, "10004"],
      [1, 2, 4, 10005],
      [1, 1, 10, {"date":"2018-12-31"}],
      [2, 1, 1, {"date":"2017-01-01"}],
      [4, 1, 1, "FONJEP Jeunesse éducation populaire"],
    ],
  },
  {
    file: 'real/csvapi-file_example_XLS_50.xls',
    sheets: [["Sheet1", 51]],
    cells: [
      [0, 1, 5, 32],
      [0, 1, 6, "15/10/2017"],
      [0, 50, 1, "Rasheeda"],
    ],
  },
  {
    file: 'real/csvdetective-file.ods',
    sheets: [["Laureats du concours Dataconnexions_anonyme", 4]],
    cells: [
      [0, 1, 0, 2012],
      [0, 1, 2, "29/05/2012"],
    ],
  },
  {
    file: 'real/mtp-BudgetPri_2014.ods',
    sheets: [["Feuil1", 10], ["OpenDataBP", 1449]],
    cells: [
      [0, 3, 2, 322408231],
      [1, 1, 5, 1063850],
      [1, 1, 6, "ADMINISTRATION GENERALE DE LA COLLECTIVITE"],
      [1, 1448, 0, 2014],
    ],
  },
  {
    file: 'real/mtp-BudgetPri_2014.xls',
    sheets: [["Feuil1", 11], ["OpenDataBP", 1449]],
    cells: [
      [0, 2, 0, "Somme de BP"],
      [1, 1, 5, 1063850],
      [1, 1, 6, "ADMINISTRATION GENERALE DE LA COLLECTIVITE"],
    ],
  },
  {
    file: 'real/mtp-EquipementSportif_2012.xls',
    sheets: [["VilleMTP_MTP_EquipementSportif", 254], ["infos sur res inconnu", 13], ["Liste des équipement non trouvé", 54], ["Métadonnées", 48]],
    cells: [
      [0, 1, 0, "Boulodrome"],
      [0, 2, 3, 2004],
      [0, 0, 8, "Propriétaire \n(si different de la commune)"],
      [3, 3, 0, "--------------------------------------------------"],
    ],
  },
  {
    file: 'generated/subventions-dates-mixtes.xlsx',
    sheets: [["Feuil1", 61]],
    cells: [
      [0, 1, 2, "2017-01-24"],
      [0, 4, 2, {"date":"2017-08-17"}],
      [0, 1, 4, "FESTIVAL DES  VIEILLES PIERRES  "],
      [0, 1, 1, 22990001200017],
    ],
  },
  {
    file: 'generated/subventions-pdf-converti.xlsx',
    sheets: [["Table 1", 151], ["Feuil1", 151]],
    mergeCounts: [152,0],
    cells: [
      [0, 0, 9, "Montant\nde la subvention de fonctionnement (1)"],
      [0, 1, 7, 29042],
      [1, 1, 2, 29042],
      [1, 150, 1, "ASS SPORTIVE JUDO DE LA VALLEE"],
    ],
  },
  {
    file: 'subventions-misc/apisubv-SCDL_WITH_EXERCICE_ALT.xlsx',
    sheets: [["Feuil1", 5], ["Sheet1", 4]],
    cells: [
      [0, 4, 0, "Total Résultat"],
      [1, 1, 1, 99000000000001],
      [1, 1, 13, 1500],
    ],
  },
];
