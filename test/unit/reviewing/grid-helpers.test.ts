import { expect, test } from 'vitest';
import { translate } from '../../../shared/i18n/catalog';
import { copyText, formatCell } from '../../../renderer/reviewing/cell-format';
import { rangeBetween, rangeSize, toTsv } from '../../../renderer/reviewing/cell-range';
import { keyCommand } from '../../../renderer/reviewing/key-commands';

const fr = { locale: 'fr' as const, t: (key: string) => translate('fr', key), formatNumber: (n: number) => new Intl.NumberFormat('fr-FR').format(n) };
const en = { locale: 'en' as const, t: (key: string) => translate('en', key), formatNumber: (n: number) => new Intl.NumberFormat('en-GB').format(n) };

test('cells read as a French reader expects, values kept as text shown as they were', () => {
  expect(formatCell('decimal', 1234.5, fr)).toBe('1\u202f234,5');
  expect(formatCell('integer', 2014, fr)).toBe('2014');
  expect(formatCell('boolean', true, fr)).toBe('Oui');
  expect(formatCell('boolean', false, en)).toBe('No');
  expect(formatCell('date', '2024-03-08', fr)).toBe('08/03/2024');
  expect(formatCell('datetime', '2024-03-08T14:05:00', fr)).toBe('08/03/2024 14:05:00');
  expect(formatCell('date', '2024-03-08', en)).toBe('2024-03-08');
  expect(formatCell('integer', 'douze', fr)).toBe('douze');
  expect(formatCell('text', null, fr)).toBe('');
});

test('a copied cell: decimal comma in French, no grouping, no tabs or line breaks', () => {
  expect(copyText('decimal', 1234.5, fr)).toBe('1234,5');
  expect(copyText('decimal', 1234.5, en)).toBe('1234.5');
  expect(copyText('text', 'a\tb\r\nc', fr)).toBe('a b c');
  expect(copyText('date', '2024-03-08', fr)).toBe('08/03/2024');
  expect(toTsv([['1', 'Lyon'], ['2', 'Nice']])).toBe('1\tLyon\r\n2\tNice');
});

test('a range spans its anchor and focus whichever way it was drawn', () => {
  const range = rangeBetween({ rowIndex: 5, column: 3 }, { rowIndex: 2, column: 1 });
  expect(range).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
  expect(rangeSize(range)).toEqual({ rows: 4, columns: 3 });
});

test('keyboard commands', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
    keyCommand({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
  expect(key('z', { ctrlKey: true })).toBe('undo');
  expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
  expect(key('y', { metaKey: true })).toBe('redo');
  expect(key('d', { ctrlKey: true })).toBe('fillDown');
  expect(key('z')).toBeNull();
  expect(key('c', { ctrlKey: true })).toBeNull();
});
