import { readdirSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, test } from 'vitest';
import { detectFormat } from '../../../electron/importing/detect-format';
import type { MergedRange, RawRow } from '../../../electron/importing/raw-table';
import { serialToDateCell } from '../../../electron/importing/readers/excel-dates';
import { openSpreadsheet, type SheetSource } from '../../../electron/importing/readers/sheet-reader';
import { openWithSheetJs } from '../../../electron/importing/readers/sheetjs-reader';
import { openXlsxStream } from '../../../electron/importing/readers/xlsx-stream-reader';
import { AppError } from '../../../shared/errors';
import { sampleExpectations } from './sample-expectations';
import { sample, samplesDir } from '../../support/fixtures';
import { handMadeXlsx, writeTemp } from './spreadsheet-files';

async function readRows(source: SheetSource, sheet = 0): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of source.read(sheet)) rows.push(...batch);
  return rows;
}

async function readWorkbook(source: SheetSource) {
  const sheets = [];
  for (const info of source.sheets) {
    sheets.push({ info, rows: await readRows(source, info.index), merges: await source.merges(info.index) });
  }
  return sheets;
}

async function bothXlsxReaders(path: string) {
  return Promise.all([openXlsxStream(path), openWithSheetJs(path)]);
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('every spreadsheet of the fixtures', () => {
  test('each one has its expectations below', () => {
    const spreadsheets = readdirSync(samplesDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(xlsx|xlsm|xls|ods)$/i.test(file));
    expect(sampleExpectations.map(({ file }) => file).sort()).toEqual(spreadsheets.sort());
  });

  test.each(sampleExpectations)('$file', async ({ file, sheets, mergeCounts, cells }) => {
    const path = sample(file);
    const source = await openSpreadsheet(path, (await detectFormat(path)) as 'xlsx' | 'xls' | 'ods');
    const workbook = await readWorkbook(source);
    expect(workbook.map(({ info, rows }) => [info.name, rows.length, ...(info.hidden ? [true] : [])])).toEqual(sheets);
    expect(workbook.map(({ merges }) => merges.length)).toEqual(mergeCounts ?? workbook.map(() => 0));
    for (const [sheet, row, column, value] of cells) {
      expect(workbook[sheet]!.rows[row]![column] ?? null, `sheet ${sheet} row ${row} column ${column}`).toEqual(value);
    }
  });

  const xlsxSamples = sampleExpectations.filter(({ file }) => file.endsWith('.xlsx')).map(({ file }) => file);

  test.each(xlsxSamples)('%s: the streaming reader and SheetJS give the same rows', async (file) => {
    const [streamed, loaded] = await bothXlsxReaders(sample(file));
    expect(await readWorkbook(streamed)).toEqual(await readWorkbook(loaded));
  });

  test('merged ranges come 0-based and inclusive', async () => {
    const source = await openSpreadsheet(sample('edge/sheetjs-merge_cells.xlsx'), 'xlsx');
    const range = (sr: number, sc: number, er: number, ec: number): MergedRange => ({ s: { r: sr, c: sc }, e: { r: er, c: ec } });
    expect(await source.merges(0)).toEqual([range(0, 0, 1, 1), range(0, 2, 1, 2), range(2, 0, 2, 1), range(0, 3, 1, 3), range(3, 0, 3, 1)]);
    const merged = await openXlsxStream(sample('edge/frictionless-merged-cells.xlsx'));
    // Asked before any read: found by a pass over the end of the sheet.
    expect(await merged.merges(0)).toEqual([range(0, 0, 2, 1)]);
  });

  test('row count hints are what the file declares, formatted empty rows included', async () => {
    // One person above 200 formatted, empty rows: the hint counts them, the read does not.
    for (const source of await bothXlsxReaders(sample('generated/usagers-rsa.xlsx'))) {
      expect(source.rowCountHint(0)).toBe(202);
    }
    // No <dimension> in this sheet: SheetJS's range counts 999 formatted rows, the stream can't tell.
    const [streamed, loaded] = await bothXlsxReaders(sample('real/apisubv-fonjep.xlsx'));
    expect([streamed.rowCountHint(1), loaded.rowCountHint(1)]).toEqual([undefined, 999]);
  });
});

describe('dates', () => {
  test('Excel serials in the 1900 system, with its phantom 29 February 1900', () => {
    expect(serialToDateCell(1, false)).toEqual({ date: '1900-01-01' });
    expect(serialToDateCell(59, false)).toEqual({ date: '1900-02-28' });
    expect(serialToDateCell(60, false)).toBe(60); // no such day: left for the type inference to report
    expect(serialToDateCell(61, false)).toEqual({ date: '1900-03-01' });
    expect(serialToDateCell(45_292, false)).toEqual({ date: '2024-01-01' });
    expect(serialToDateCell(45_292.75, false)).toEqual({ date: '2024-01-01T18:00:00' });
    expect(serialToDateCell(45_292.999_999_9, false)).toEqual({ date: '2024-01-02' });
    expect(serialToDateCell(0.5, false)).toBe('12:00:00');
    expect(serialToDateCell(-1, false)).toBe(-1);
    expect(serialToDateCell(3_000_000, false)).toBe(3_000_000);
  });

  test('the 1904 system counts from 1904-01-01', () => {
    expect(serialToDateCell(1, true)).toEqual({ date: '1904-01-02' });
    expect(serialToDateCell(43_830, true)).toEqual({ date: '2024-01-01' });
    expect(serialToDateCell(60, true)).toEqual({ date: '1904-03-01' });
  });

  test('a 1904 workbook (written by SheetJS) reads the same through both readers', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['date', 'montant']]);
    XLSX.utils.sheet_add_aoa(sheet, [[{ t: 'n', v: 43_830, z: 'dd/mm/yyyy' }, 12.5], [{ t: 'n', v: 43_830.5, z: 'dd/mm/yyyy hh:mm' }, 3]], { origin: 'A2' });
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, 'Feuil1');
    workbook.Workbook = { WBProps: { date1904: true } };
    const path = writeTemp('1904.xlsx', XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    for (const source of await bothXlsxReaders(path)) {
      expect(await readRows(source)).toEqual([
        ['date', 'montant'],
        [{ date: '2024-01-01' }, 12.5],
        [{ date: '2024-01-01T12:00:00' }, 3],
      ]);
    }
  });
});

describe('the streaming reader on what producers write', () => {
  const everything = handMadeXlsx({
    sheets: [
      { name: 'Cachée', state: 'hidden', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', part: 'sheet9.xml' },
      {
        name: 'Données & co',
        part: 'sheet1.xml',
        xml:
          '<dimension ref="A1:F6"/><sheetData>' +
          '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t xml:space="preserve"> inline </t></is></c></row>' +
          // r attributes left out, as some writers do: cells and rows follow each other
          '<row><c t="s"><v>2</v></c><c><v>1.5E3</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c><c t="str"><f>A1&amp;"x"</f><v>a&lt;b&gt;&#233;&#x20AC;</v></c></row>' +
          '<row r="5"><c r="A5" s="1"><v>45292</v></c><c r="B5" s="2"><v>45292.25</v></c><c r="C5" s="3"><v>45292</v></c><c r="D5" t="d"><v>2024-01-01T00:00:00Z</v></c><c r="E5" s="4"><v>2</v></c><c r="F5" s="1"/></row>' +
          '<row r="6"><c r="C6" t="s"><v>3</v></c><c r="E6"><v></v></c></row>' +
          '<row r="7"><c r="A7" s="1"/></row><row r="9"/>' +
          '</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
      },
      { name: 'Très cachée', state: 'veryHidden', xml: '<sheetData/>' },
    ],
    sharedStrings: [
      '<t>Code postal</t>',
      '<r><rPr><b/></rPr><t>Mon</t></r><r><t xml:space="preserve">tant </t></r><rPh sb="0" eb="1"><t>モン</t></rPh>',
      '<t>01000</t>',
      '<t>ligne_x000D_\nsuivante &amp; fin</t>',
    ],
    numFmts: '<numFmt numFmtId="164" formatCode="[$-40C]dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="0.00 &quot;jours&quot;"/>',
    cellXfs: ['0', '14', '164', '49', '165'],
  });

  test('sheets come in workbook order with their hidden state, whatever the part names', async () => {
    const source = await openXlsxStream(writeTemp('everything.xlsx', everything));
    expect(source.sheets).toEqual([
      { index: 0, name: 'Cachée', hidden: true },
      { index: 1, name: 'Données & co', hidden: false },
      { index: 2, name: 'Très cachée', hidden: true },
    ]);
    expect(await readRows(source, 0)).toEqual([[1]]);
    expect(await readRows(source, 2)).toEqual([]);
    expect(source.rowCountHint(1)).toBe(6);
  });

  test('cells of every kind, gaps and merged ranges', async () => {
    const expected: RawRow[] = [
      ['Code postal', 'Montant ', null, ' inline '],
      ['01000', 1500, true, '#DIV/0!', 'a<b>é€'],
      [],
      [],
      [{ date: '2024-01-01' }, { date: '2024-01-01T06:00:00' }, 45292, { date: '2024-01-01' }, 2],
      [null, null, 'ligne\nsuivante & fin'],
    ];
    const [streamed, loaded] = await bothXlsxReaders(writeTemp('everything.xlsx', everything));
    expect(await readRows(streamed, 1)).toEqual(expected);
    expect(await streamed.merges(1)).toEqual([{ s: { r: 0, c: 0 }, e: { r: 1, c: 1 } }]);
    // SheetJS (small files) differs on two rarities: a numeric character reference in a
    // formula's cached text, and t="d" cells, which it turns into bare serials.
    expected[1]![4] = 'a<b>\ufffd';
    expected[4]![3] = 45292;
    expect(await readRows(loaded, 1)).toEqual(expected);
    expect(await loaded.merges(1)).toEqual([{ s: { r: 0, c: 0 }, e: { r: 1, c: 1 } }]);
  });

  test('elements with a namespace prefix (Open XML SDK)', async () => {
    const prefixed = handMadeXlsx({
      sheets: [
        {
          name: 'x',
          xml:
            '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
            '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>nom</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>' +
            '</x:sheetData><x:mergeCells><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>',
        },
      ],
    });
    const source = await openXlsxStream(writeTemp('prefixed.xlsx', prefixed));
    expect(await readRows(source)).toEqual([['nom', 7]]);
    expect(await source.merges(0)).toEqual([{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }]);
  });

  test('rows past Excel’s 1,048,576 are refused', async () => {
    const tooLong = handMadeXlsx({ sheets: [{ name: 'x', xml: '<sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>' }] });
    const source = await openXlsxStream(writeTemp('too-long.xlsx', tooLong));
    expect((await appError(readRows(source))).code).toBe('import.too_many_rows');
  });

  test('a cancelled read stops with jobs.cancelled', async () => {
    const source = await openXlsxStream(writeTemp('everything.xlsx', everything));
    const controller = new AbortController();
    controller.abort();
    const reading = (async () => {
      for await (const _ of source.read(1, { signal: controller.signal }));
    })();
    expect((await appError(reading)).code).toBe('jobs.cancelled');
  });

  test('progress is reported in rows', async () => {
    const source = await openSpreadsheet(sample('real/mtp-BudgetPri_2014.xls'), 'xls');
    const seen: number[] = [];
    for await (const _ of source.read(1, { onProgress: (rows) => seen.push(rows) }));
    expect(seen.at(-1)).toBe(1449);
  });
});

describe('archives out of proportion', () => {
  const workbookParts = (sheet: Uint8Array) =>
    zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': sheet,
    });

  test('a sheet of 150 MB of zeros in a small zip is refused before inflating', async () => {
    const bomb = workbookParts(new Uint8Array(150 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const path = writeTemp('bomb.xlsx', bomb);
    expect(await detectFormat(path)).toBe('xlsx');
    expect((await appError(openXlsxStream(path))).code).toBe('import.archive_bomb');
    expect((await appError(openWithSheetJs(path))).code).toBe('import.archive_bomb');
  });

  test('an entry that inflates past its declared size is stopped there', async () => {
    const sheet = strToU8(`<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(10_000)}</sheetData></worksheet>`);
    const zip = workbookParts(sheet);
    // Lie in the central directory: the sheet claims 1 KB.
    const view = Buffer.from(zip);
    const directory = view.lastIndexOf(Buffer.from('PK\x01\x02xxxx', 'latin1').subarray(0, 4));
    expect(view.toString('latin1', directory + 46, directory + 46 + 24)).toBe('xl/worksheets/sheet1.xml');
    view.writeUInt32LE(1024, directory + 24);
    const path = writeTemp('liar.xlsx', view);
    expect((await appError(openXlsxStream(path).then(readRows))).code).toBe('import.archive_bomb');
  });
});

describe('broken files', () => {
  test('a corrupt .xls is reported as such', async () => {
    const ole = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(ole, 'Workbook', new Uint8Array([9, 8, 16, 0, 0, 6, 5, 0, 1, 2, 3]));
    const path = writeTemp('corrupt.xls', XLSX.CFB.write(ole, { type: 'buffer' }) as Buffer);
    expect((await appError(openSpreadsheet(path, 'xls'))).code).toBe('import.corrupt');
  });

  test('a sheet index that does not exist', async () => {
    const source = await openXlsxStream(sample('edge/frictionless-sheets.xlsx'));
    expect((await appError(readRows(source, 7))).code).toBe('import.sheet_not_found');
  });
});
