import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { afterEach, expect, test } from 'vitest';
import { importedVersion, preview } from '../../support/import-helpers';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../../support/temp-workspace';

// Real files published by French authorities, reduced to the shape that went wrong.
let ws: TestWorkspace;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await ws?.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempFile(name: string, content: string | Buffer): string {
  const { dir, cleanup } = tempDir('atelier-fidelity-');
  cleanups.push(cleanup);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function workbook(rows: unknown[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Feuil1');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

test('float noise of a spreadsheet never reaches the data: 15 significant digits, as the spreadsheet shows', async () => {
  ws = await openTestWorkspace();
  const path = tempFile('montants.xlsx', workbook([['poste', 'montant', 'taux'], ['A', 274.65999999999997, 0.1 + 0.2], ['B', 12, 3.0000000000000004]]));
  expect((await preview(ws.host, ws.admin, path)).rows).toEqual([
    ['A', 274.66, 0.3],
    ['B', 12, 3],
  ]);
  const { rows } = await importedVersion(ws.host, ws.admin, path);
  expect(rows.map((r) => [r.montant, r.taux])).toEqual([
    [274.66, 0.3],
    [12, 3],
  ]);
});

test('a CSV whose lines all end in ";;" is read with its real delimiter, ","', async () => {
  ws = await openTestWorkspace();
  const header = ['siret', 'nom', 'adresse', 'code_postal', 'commune', 'montant', 'date', 'objet', 'nature', 'annee', 'service', 'contact', 'telephone', 'note'];
  const lines = [header.join(',') + ';;'];
  for (let i = 0; i < 30; i++) {
    const fields = [`2100000000${String(i).padStart(4, '0')}`, `Association ${i}`, `"${i} rue de la Paix, bâtiment B"`, '21000', 'Dijon', `${1000 + i}`, '2023-05-01', 'Subvention', 'fonctionnement', '2023', 'Culture', '', '', ''];
    // Some lines leave the last fields out, as the source software did.
    lines.push(fields.slice(0, 14 - (i % 3)).join(',') + ';;');
  }
  const path = tempFile('subventions.csv', lines.join('\r\n') + '\r\n');
  const result = await preview(ws.host, ws.admin, path);
  expect(result.settings.delimiter).toBe(',');
  expect(result.columns.length).toBeGreaterThanOrEqual(14);
  expect(result.rows[0]!.slice(0, 3)).toEqual(['21000000000000', 'Association 0', '0 rue de la Paix, bâtiment B']);
});

test('tiny valid CSVs with a stray NUL byte or a control character in a quoted header are read, not refused', async () => {
  ws = await openTestWorkspace();
  const withNul = tempFile('nul.csv', Buffer.from('code;libelle\n01;Ain\0\n02;Aisne\n', 'latin1'));
  expect((await preview(ws.host, ws.admin, withNul)).rows).toEqual([
    ['01', 'Ain'],
    ['02', 'Aisne'],
  ]);
  const withControl = tempFile('control.csv', Buffer.from('"code\x0b";"nom\x1f"\n1;a\n2;b\n', 'latin1'));
  const result = await preview(ws.host, ws.admin, withControl);
  expect(result.rowCount).toBe(2);
  expect(result.columns).toHaveLength(2);
});

test('numbers shown with zero-padding formats ("00000", "00 00 00 00 00") keep their zeros as text codes', async () => {
  ws = await openTestWorkspace();
  const sheet = XLSX.utils.aoa_to_sheet([
    ['commune', 'code_postal', 'telephone', 'population'],
    ['Aizy-Jouy', 2290, 123456789, 312],
    ['Laon', 2000, 323232323, 24000],
  ]);
  for (const row of [2, 3]) {
    sheet[`B${row}`]!.z = '00000';
    sheet[`C${row}`]!.z = '00\\ 00\\ 00\\ 00\\ 00';
  }
  for (const bookType of ['xlsx', 'ods'] as const) {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Feuil1');
    const path = tempFile(`codes.${bookType}`, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
    const result = await preview(ws.host, ws.admin, path);
    expect(result.columns.map((c) => c.type), bookType).toEqual(['text', 'text', 'text', 'integer']);
    expect(result.rows.map((r) => r[1]), bookType).toEqual(['02290', '02000']);
    // SheetJS' .ods writer keeps only "00" of the phone format; the .xlsx keeps it whole.
    if (bookType === 'xlsx') expect(result.rows.map((r) => r[2])).toEqual(['01 23 45 67 89', '03 23 23 23 23']);
  }
});

test('a file that switches from Windows-1252 to UTF-8 partway down: each line read right, and the switch reported', async () => {
  ws = await openTestWorkspace();
  const legacy = ['service;libelle', ...Array.from({ length: 86 }, (_, i) => `S${i};Conseil départemental ${i}`)].join('\r\n') + '\r\n';
  const utf8 = Array.from({ length: 20 }, (_, i) => `T${i};Hôtel de région ${i}`).join('\r\n') + '\r\n';
  const path = tempFile('mixte.csv', Buffer.concat([iconv.encode(legacy, 'windows-1252'), Buffer.from(utf8, 'utf8')]));
  const result = await preview(ws.host, ws.admin, path);
  expect(result.rows[0]).toEqual(['S0', 'Conseil départemental 0']);
  expect(result.warnings).toContainEqual({
    code: 'importing.warnings.mixed_encoding',
    params: { legacy: 'windows-1252', line: 88, from: 'windows-1252', to: 'utf-8' },
  });
  const { rows } = await importedVersion(ws.host, ws.admin, path);
  expect(rows[85]!.libelle).toBe('Conseil départemental 85');
  expect(rows[86]!.libelle).toBe('Hôtel de région 0');
  expect(rows.some((r) => String(r.libelle).includes('Ã'))).toBe(false);
});

test('a Greek ISO-8859-7 file is recognised as such and said so, not read as Windows-1252', async () => {
  ws = await openTestWorkspace();
  const text = 'δήμος;πληθυσμός\r\nΑθήνα;664046\r\nΘεσσαλονίκη;325182\r\nΠάτρα;167446\r\nΗράκλειο;173993\r\nΛάρισα;144651\r\n';
  const path = tempFile('grec.csv', iconv.encode(text, 'iso-8859-7'));
  const result = await preview(ws.host, ws.admin, path);
  expect(result.settings.encoding).toBe('iso-8859-7');
  expect(result.rows[0]).toEqual(['Αθήνα', 664046]);
  expect(result.warnings).toContainEqual({ code: 'importing.warnings.encoding_guessed', params: { encoding: 'iso-8859-7' } });
  // The agent's choice still wins.
  const chosen = await preview(ws.host, ws.admin, path, { encoding: 'windows-1252' });
  expect(chosen.settings.encoding).toBe('windows-1252');
});

test('text converted twice upstream ("Ã©" for "é") is reported', async () => {
  ws = await openTestWorkspace();
  const path = tempFile('double.csv', Buffer.from('nom;ville\r\nCrÃ©teil;Val-de-Marne\r\nOrlÃ©ans;Loiret\r\n', 'utf8'));
  const result = await preview(ws.host, ws.admin, path);
  expect(result.warnings).toContainEqual({ code: 'importing.warnings.mojibake', params: { count: 2 } });
});
