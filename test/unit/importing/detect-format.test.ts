import { readFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, test, vi } from 'vitest';
import { detectFormat } from '../../../electron/importing/detect-format';
import type { RawRow } from '../../../electron/importing/raw-table';
import { openSpreadsheet } from '../../../electron/importing/readers/sheet-reader';
import { AppError } from '../../../shared/errors';
import { sample } from '../../support/fixtures';
import { writeTemp } from './spreadsheet-files';

// Windows' answer for a file Excel holds open, simulated on any path naming the error code.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open = (path: string, ...rest: []) => {
    const code = /verrou-(\w+)/.exec(String(path))?.[1];
    return code ? Promise.reject(Object.assign(new Error(code), { code })) : actual.open(path, ...rest);
  };
  return { ...actual, open };
});

async function failure(path: string): Promise<AppError> {
  const error = await detectFormat(path).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function firstRows(path: string, count: number): Promise<RawRow[]> {
  const source = await openSpreadsheet(path, (await detectFormat(path)) as 'xls');
  const rows: RawRow[] = [];
  for await (const batch of source.read(0)) rows.push(...batch);
  return rows.slice(0, count);
}

function oleFile(streams: Record<string, Uint8Array>): Buffer {
  const container = XLSX.CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(container, name, content);
  return XLSX.CFB.write(container, { type: 'buffer' }) as Buffer;
}

function biffRecord(type: number, body: number[]): number[] {
  return [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body];
}

describe('the format comes from the content', () => {
  const samples = [
    'generated/decp-marches.xlsx',
    'edge/sheetjs-1900.xlsx',
    'real/apisubv-fonjep.xlsx',
    'generated/decp-marches.xls',
    'edge/frictionless-table-with-booleans.xls',
    'real/mtp-EquipementSportif_2012.xls',
    'generated/decp-marches.ods',
    'real/mtp-BudgetPri_2014.ods',
    'generated/decp-marches.csv',
    'edge/csvkit-test_utf16_little.csv',
    'edge/csvkit-test_latin1.csv',
    'real/mtp-EffectifSco_2013.csv',
  ];
  test.each(samples)('%s', async (file) => {
    expect(await detectFormat(sample(file))).toBe(file.split('.').pop());
  });

  test('an .xls that is really a CSV export', async () => {
    const path = writeTemp('export.xls', readFileSync(sample('edge/frictionless-issue-1009-semicolon.csv')));
    expect(await detectFormat(path)).toBe('csv');
  });

  test('an .xls that is really an ODS, and an .xls that is really an .xlsx', async () => {
    const ods = writeTemp('budget.xls', readFileSync(sample('real/mtp-BudgetPri_2014.ods')));
    expect(await detectFormat(ods)).toBe('ods');
    const xlsx = writeTemp('marches.xls', readFileSync(sample('generated/decp-marches.xlsx')));
    expect(await detectFormat(xlsx)).toBe('xlsx');
    expect((await firstRows(xlsx, 2))[1]![2]).toBe('21440109300015');
  });

  test('an .xlsx that is really an .xls', async () => {
    const path = writeTemp('sports.xlsx', readFileSync(sample('real/mtp-EquipementSportif_2012.xls')));
    expect(await detectFormat(path)).toBe('xls');
  });

  test('what Excel also saves as .xls: an HTML table and XML Spreadsheet 2003', async () => {
    const html = writeTemp('tableau.xls', '<html><body><table><tr><td>commune</td><td>population</td></tr><tr><td>Laval</td><td>49728</td></tr></table></body></html>');
    expect(await detectFormat(html)).toBe('xls');
    expect(await firstRows(html, 2)).toEqual([['commune', 'population'], ['Laval', 49728]]);
    const xml2003 = writeTemp(
      'classeur.xls',
      '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Feuil1"><Table><Row><Cell><Data ss:Type="String">code</Data></Cell></Row><Row><Cell><Data ss:Type="String">01000</Data></Cell></Row></Table></Worksheet></Workbook>',
    );
    expect(await detectFormat(xml2003)).toBe('xls');
    expect(await firstRows(xml2003, 2)).toEqual([['code'], ['01000']]);
  });

  test('BIFF2 files without an OLE container', async () => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['an', 'montant'], [1998, 12.5]]), 'Feuil1');
    const path = writeTemp('ancien.xls', XLSX.write(workbook, { type: 'buffer', bookType: 'biff2' }) as Buffer);
    expect(await detectFormat(path)).toBe('xls');
    expect(await firstRows(path, 2)).toEqual([['an', 'montant'], [1998, 12.5]]);
  });

  test('an .xlsm (macros alongside) is read as .xlsx; a truncated one is corrupt', async () => {
    const xlsm = readFileSync(sample('edge/frictionless-sheets.xlsx'));
    expect(await detectFormat(writeTemp('macros.xlsm', xlsm))).toBe('xlsx');
    const truncated = writeTemp('coupe.xlsx', xlsm.subarray(0, xlsm.length - 200));
    expect((await failure(truncated)).code).toBe('import.corrupt');
  });

  test('UTF-16 text without a byte order mark is text', async () => {
    expect(await detectFormat(writeTemp('utf16.txt', Buffer.from('code;nom\r\n01000;Bourg\r\n', 'utf16le')))).toBe('csv');
  });
});

describe('password-protected files', () => {
  test('an encrypted .xlsx (an OLE container with the encrypted package)', async () => {
    const path = writeTemp('protege.xlsx', oleFile({ EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: new Uint8Array(4096).fill(7) }));
    expect((await failure(path)).code).toBe('import.encrypted');
  });

  test('an encrypted .xls (FILEPASS after BOF)', async () => {
    const bof = biffRecord(0x0809, [0, 6, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const filePass = biffRecord(0x002f, [1, 0, ...new Array(52).fill(0)]);
    const path = writeTemp('protege.xls', oleFile({ Workbook: new Uint8Array([...bof, ...filePass, ...biffRecord(0x000a, [])]) }));
    expect((await failure(path)).code).toBe('import.encrypted');
  });

  test('an encrypted .ods (its manifest says how parts are encrypted)', async () => {
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': new Uint8Array(64).fill(3),
      'META-INF/manifest.xml': strToU8(
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>',
      ),
    });
    expect((await failure(writeTemp('protege.ods', ods))).code).toBe('import.encrypted');
  });
});

describe('what is not a spreadsheet', () => {
  const cases: [string, Uint8Array | string, string][] = [
    ['rapport.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n', 'pdf'],
    ['logo.xlsx', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'png'],
    ['archive.zip', zipSync({ 'notes.txt': strToU8('bonjour') }), 'zip'],
    ['courrier.docx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }), 'docx'],
    ['courrier.odt', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') }), 'text'],
    ['schema.csv', '{"fields": []}', 'json'],
    ['donnees.bin', new Uint8Array(2048).map((_, i) => (i * 7919) % 256), 'binary'],
  ];
  test.each(cases)('%s', async (fileName, content, detected) => {
    const error = await failure(writeTemp(fileName, content));
    expect(error.code).toBe('import.unsupported_format');
    expect(error.params.detected).toBe(detected);
    expect(error.params.fileName).toMatch(fileName);
  });

  test('an empty file', async () => {
    expect((await failure(writeTemp('vide.xlsx', ''))).code).toBe('import.empty');
  });
});

describe('files another program holds', () => {
  test.each(['EBUSY', 'EPERM', 'EACCES'])('%s → files.locked with the file name', async (code) => {
    const error = await failure(`/tmp/verrou-${code}.xlsx`);
    expect(error.code).toBe('files.locked');
    expect(error.params).toEqual({ fileName: `verrou-${code}.xlsx` });
  });

  test('a missing file → files.not_found', async () => {
    expect((await failure('/tmp/absent-de-partout.xlsx')).code).toBe('files.not_found');
  });
});
