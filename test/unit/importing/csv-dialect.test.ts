import iconv from 'iconv-lite';
import { expect, test } from 'vitest';
import { CsvParser, rowFields } from '../../../electron/importing/csv/csv-parser';
import { detectEncoding } from '../../../electron/importing/csv/detect-encoding';
import { sniffDelimiter } from '../../../electron/importing/csv/sniff-delimiter';
import { safeColumnNames } from '../../../electron/importing/column-names';

function parse(text: string, delimiter = ';', chunk = 3) {
  const parser = new CsvParser(delimiter);
  // Small chunks: every construct must survive being cut anywhere.
  for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  parser.end();
  const parsed = parser.take();
  const rows = Array.from({ length: parsed.rows }, (_, row) => rowFields(parsed, row));
  return { rows, lines: [...parsed.lines], nulBytes: parser.nulBytes };
}

test('quotes, doubled quotes and line breaks inside quotes', () => {
  const { rows, lines } = parse('a;b\r\n"x;y";"il a dit ""oui"""\r\n"deux\r\nlignes";z\r\nfin;"');
  expect(rows).toEqual([
    ['a', 'b'],
    ['x;y', 'il a dit "oui"'],
    ['deux\r\nlignes', 'z'],
    ['fin', ''],
  ]);
  expect(lines).toEqual([1, 2, 3, 5]);
});

test('CR-only, LF and CRLF line ends, with or without a last one', () => {
  expect(parse('a;b\r1;2\r3;4').rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  expect(parse('a;b\n1;2\n').rows).toEqual([['a', 'b'], ['1', '2']]);
  expect(parse('a;b\r\n1;2\r\n', ';', 1).rows).toEqual([['a', 'b'], ['1', '2']]);
});

test('NUL bytes are dropped and counted; text after a closing quote is kept', () => {
  const { rows, nulBytes } = parse('a\0;b\n1;"2" cm\n');
  expect(rows).toEqual([['a', 'b'], ['1', '2 cm']]);
  expect(nulBytes).toBe(1);
});

test('delimiter sniffing honours quotes and prefers the regular split', () => {
  expect(sniffDelimiter('a;b;c\n"1,5";"2,5";3\n4;5;6\n')).toBe(';');
  expect(sniffDelimiter('a,b,c\n"3,89","43,5",x\n1,2,3\n')).toBe(',');
  expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
  expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  // Rows of one field plus a trailing empty one are not a split.
  expect(sniffDelimiter('a,b\n1,2\nx;\n')).toBe(',');
});

test('encoding detection', () => {
  const text = 'Élève;Montant;Remarque\nBéatrice;12,5 €;très bien, à revoir\nŒuvre;3;déjà vu\n';
  expect(detectEncoding(Buffer.from(text, 'utf8')).encoding).toBe('utf-8');
  expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
  expect(detectEncoding(iconv.encode(text, 'utf-16le', { addBOM: true }))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
  expect(detectEncoding(iconv.encode(text, 'utf-16le')).encoding).toBe('utf-16le');
  expect(detectEncoding(iconv.encode(text, 'utf-16be')).encoding).toBe('utf-16be');
  expect(detectEncoding(iconv.encode(text, 'windows-1252')).encoding).toBe('windows-1252');
  expect(detectEncoding(iconv.encode(text, 'cp850')).encoding).toBe('cp850');
});

test('column names: SQL-safe, unique, accents folded, at most 63 characters', () => {
  expect(safeColumnNames(['Libellé fonction', ' BP ', '', 'name', 'Name', '2019', 'Œuvre', 'x'.repeat(80), 'x'.repeat(80)])).toEqual([
    'libelle_fonction',
    'bp',
    'colonne_3',
    'name',
    'name_2',
    'c_2019',
    'oeuvre',
    'x'.repeat(63),
    'x'.repeat(61) + '_2',
  ]);
});

test('every line ending in ";;" does not make ";" the delimiter when "," splits the content', () => {
  const widths = [14, 16, 18, 15, 14, 17];
  const lines = widths.map((w, i) => Array.from({ length: w }, (_, f) => `v${i}_${f}`).join(',') + ';;');
  const sample = ['nom,code,' + Array.from({ length: 12 }, (_, f) => `c${f}`).join(',') + ';;', ...lines].join('\r\n');
  expect(sniffDelimiter(sample)).toBe(',');
});
