import { expect, test } from 'vitest';
import {
  coerceValue,
  newScan,
  parseFrenchBoolean,
  parseFrenchDate,
  parseFrenchDateTime,
  parseFrenchNumber,
  scanValue,
} from '../../../shared/french-values';

const kind = (raw: string) => scanValue(raw, newScan());

test('numbers as French software writes them', () => {
  expect(parseFrenchNumber('42')).toBe(42);
  expect(parseFrenchNumber('-42')).toBe(-42);
  expect(parseFrenchNumber('3,5')).toBe(3.5);
  expect(parseFrenchNumber(' 1 063 850,00    ')).toBe(1063850);
  expect(parseFrenchNumber('1\u00a0234,5')).toBe(1234.5);
  expect(parseFrenchNumber('1\u202f234\u202f567')).toBe(1234567);
  expect(parseFrenchNumber('1.234.567')).toBe(1234567);
  expect(parseFrenchNumber('1.234,56')).toBe(1234.56);
  expect(parseFrenchNumber('1.234')).toBe(1.234);
  expect(parseFrenchNumber('1.00')).toBe(1);
  expect(parseFrenchNumber('12,5 €')).toBe(12.5);
  expect(parseFrenchNumber('€ 12')).toBe(12);
  expect(parseFrenchNumber('1 200 EUR')).toBe(1200);
  expect(parseFrenchNumber('12,5 %')).toBe(0.125);
  expect(parseFrenchNumber('12.3%')).toBe(0.123);
  expect(parseFrenchNumber(',5')).toBe(0.5);
  expect(parseFrenchNumber('1,5E+3')).toBe(1500);
  expect(parseFrenchNumber('12 5')).toBeNull();
  expect(parseFrenchNumber('1,234,567')).toBeNull();
  expect(parseFrenchNumber('abc')).toBeNull();
  expect(parseFrenchNumber(' -   ')).toBe(0);
  expect(parseFrenchNumber('--')).toBeNull();
  expect(kind('3,5')).toBe('decimal');
  expect(kind('16000000000')).toBe('integer');
});

test('codes stay text', () => {
  expect(kind('01000')).toBe('code');
  expect(kind('0123')).toBe('code');
  expect(kind('2A004')).toBe('text');
  expect(kind('04 67 60 00 31')).toBe('text');
  expect(kind('0467600031')).toBe('code');
  expect(kind('+33467600031')).toBe('code');
  expect(kind('+33 4 67 60 00 31')).toBe('text');
  expect(kind('12345678901234567')).toBe('code');
  const scan = newScan();
  expect(scanValue('23350001600040', scan)).toBe('integer');
  expect(scan.registryShaped).toBe(true);
  expect(scanValue('0', scan)).toBe('binary');
  expect(scanValue('0,5', scan)).toBe('decimal');
});

test('booleans', () => {
  for (const yes of ['oui', 'OUI', 'Vrai', 'o', 'true', 'TRUE']) expect(parseFrenchBoolean(yes)).toBe(true);
  for (const no of ['non', 'Non', 'FAUX', 'N', 'false']) expect(parseFrenchBoolean(no)).toBe(false);
  expect(kind('1')).toBe('binary');
  expect(kind('peut-être')).toBe('text');
});

test('dates and datetimes, day first', () => {
  expect(parseFrenchDate('31/12/2020')).toBe('2020-12-31');
  expect(parseFrenchDate('1/2/2020')).toBe('2020-02-01');
  expect(parseFrenchDate('01/02/20')).toBe('2020-02-01');
  expect(parseFrenchDate('01/02/65')).toBe('1965-02-01');
  expect(parseFrenchDate('31-12-2020')).toBe('2020-12-31');
  expect(parseFrenchDate('31.12.2020')).toBe('2020-12-31');
  expect(parseFrenchDate('2020-12-31')).toBe('2020-12-31');
  expect(parseFrenchDate('2018/3/31')).toBe('2018-03-31');
  expect(parseFrenchDate('29/02/2021')).toBeNull();
  expect(parseFrenchDate('29/02/2024')).toBe('2024-02-29');
  expect(parseFrenchDate('12/13/2020')).toBeNull();
  expect(parseFrenchDate('2017-12-12/fin-action')).toBeNull();
  expect(parseFrenchDateTime('31/12/2020 14:30')).toBe('2020-12-31T14:30:00');
  expect(parseFrenchDateTime('2020-12-31T14:30:05.123Z')).toBe('2020-12-31T14:30:05');
  expect(parseFrenchDateTime('2020-12-31')).toBe('2020-12-31T00:00:00');
  expect(kind('2014')).toBe('integer');
});

test('coerceValue: storage form or the text kept and flagged', () => {
  expect(coerceValue('integer', ' 1 200 ')).toEqual({ ok: true, value: 1200 });
  expect(coerceValue('integer', '1,5')).toEqual({ ok: false, value: '1,5' });
  expect(coerceValue('decimal', '1,5')).toEqual({ ok: true, value: 1.5 });
  expect(coerceValue('decimal', 'n/a')).toEqual({ ok: false, value: 'n/a' });
  expect(coerceValue('boolean', 'Oui')).toEqual({ ok: true, value: 1 });
  expect(coerceValue('boolean', '0')).toEqual({ ok: true, value: 0 });
  expect(coerceValue('date', '05/06/2021')).toEqual({ ok: true, value: '2021-06-05' });
  expect(coerceValue('date', '2021-06-05T10:00:00')).toEqual({ ok: false, value: '2021-06-05T10:00:00' });
  expect(coerceValue('datetime', '05/06/2021')).toEqual({ ok: true, value: '2021-06-05T00:00:00' });
  expect(coerceValue('text', '01000')).toEqual({ ok: true, value: '01000' });
  expect(coerceValue('integer', '')).toEqual({ ok: true, value: null });
  expect(coerceValue('text', ' \u00a0 ')).toEqual({ ok: true, value: null });
  expect(coerceValue('text', ' Sète ')).toEqual({ ok: true, value: ' Sète ' });
  expect(coerceValue('integer', null)).toEqual({ ok: true, value: null });
  expect(coerceValue('integer', 3.5)).toEqual({ ok: false, value: '3.5' });
  expect(coerceValue('text', 23350001600040)).toEqual({ ok: true, value: '23350001600040' });
  expect(coerceValue('boolean', true)).toEqual({ ok: true, value: 1 });
});
