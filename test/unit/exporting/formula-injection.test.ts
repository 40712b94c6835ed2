import { expect, test } from 'vitest';
import { copyText } from '../../../renderer/reviewing/cell-format';
import { neutraliseFormula, startsLikeFormula } from '../../../shared/exporting/formula-injection';
import { translate } from '../../../shared/i18n/catalog';

const fr = { locale: 'fr' as const, t: (key: string) => translate('fr', key) };

test('cells that a spreadsheet would run get a leading quote; ordinary text does not', () => {
  for (const text of ['=HYPERLINK("http://x","y")', '+33 1 23 45 67 89', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
    expect(startsLikeFormula(text)).toBe(true);
    expect(neutraliseFormula(text, text, 'text')).toBe(`'${text}`);
  }
  for (const text of ['Montpellier', ' =1', "'=1", '', '2024-03-08', '1 234,5']) expect(neutraliseFormula(text, text, 'text')).toBe(text);
});

test('a number in a numeric column stays a number; the same text elsewhere is neutralised', () => {
  expect(neutraliseFormula('-5', -5, 'decimal')).toBe('-5');
  expect(neutraliseFormula('-12', -12, 'integer')).toBe('-12');
  // Kept as text because it did not fit the column's type: no longer a number.
  expect(neutraliseFormula('-5 k€', '-5 k€', 'decimal')).toBe("'-5 k€");
  expect(neutraliseFormula('-5', '-5', 'text')).toBe("'-5");
});

test('the clipboard copy neutralises formulas too, before tabs become spaces', () => {
  expect(copyText('text', '=1+1', fr)).toBe("'=1+1");
  expect(copyText('text', '\t=cmd', fr)).toBe("' =cmd");
  expect(copyText('decimal', -5.5, fr)).toBe('-5,5');
  expect(copyText('text', 'Lyon', fr)).toBe('Lyon');
});
