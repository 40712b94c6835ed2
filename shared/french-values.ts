// French-first reading of cell values, shared by the import (type inference, storage), the
// grid (checking a typed cell) and the page (showing why a value does not fit). Pure TS: it
// runs in the browser too.
//
// Choices, for every caller:
// - Numbers: decimal comma or point; thousands separated by space, NBSP, narrow NBSP, dot
//   (only with a decimal comma or in groups like 1.234.567) or apostrophe, always in groups of
//   three; currency € / EUR before or after; a lone dot is a decimal point ("1.234" = 1.234)
//   because exports from business software write points far more often than dot thousands.
// - Percentages become fractions ("12,5 %" → 0.125), as a spreadsheet stores a percent cell.
// - Booleans: oui/non, vrai/faux, o/n, true/false (any case). 1/0 only when the column is
//   otherwise boolean-like: the inference decides, scanValue reports them as `binary`.
// - Dates are day first: dd/mm/yyyy, d/m/yyyy, dd/mm/yy (yy < 50 → 20yy), with /, - or . ;
//   and year first: yyyy-mm-dd, yyyy/m/d. Datetimes add " hh:mm[:ss]" or "Thh:mm[:ss]".
// - Codes stay text: leading zeros (01000, 0467600031), +33…, values of 16+ digits (beyond
//   exact integers; decimals just round). SIREN/SIRET-shaped integers (9/14 digits) are numbers one by one; the
//   inference turns a column made only of them into text.
// - A lone "-" is a zero: Excel's accounting format shows 0 that way, and CSV exports of
//   budgets keep the dash (Montpellier's budget primitif has 148 of them).
import type { ColumnType } from './contract';

export const valueKinds = ['empty', 'integer', 'decimal', 'binary', 'boolean', 'date', 'datetime', 'code', 'text'] as const;
export type ValueKind = (typeof valueKinds)[number];

// What scanValue found besides the kind, written into a caller-owned object so that scanning
// millions of values allocates nothing.
export interface Scan {
  kind: ValueKind;
  number: number; // integer, decimal, binary
  iso: string; // date 'YYYY-MM-DD', datetime 'YYYY-MM-DDTHH:MM:SS'
  bool: boolean; // boolean, binary
  decimalComma: boolean;
  percent: boolean;
  // 9 or 14 digits and nothing else: SIREN / SIRET shaped.
  registryShaped: boolean;
  // Set by storeScanned: whether the value fitted the type it was stored for.
  fits: boolean;
}

export function newScan(): Scan {
  return { kind: 'empty', number: 0.5, iso: '', bool: false, decimalComma: false, percent: false, registryShaped: false, fits: true };
}

// A Map: the word looked up comes from the data.
const booleanWords = new Map<string, boolean>([
  ['oui', true],
  ['non', false],
  ['vrai', true],
  ['faux', false],
  ['o', true],
  ['n', false],
  ['true', true],
  ['false', false],
]);

const SPACE = 32;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const TAB = 9;

function isBlank(code: number): boolean {
  return code === SPACE || code === NBSP || code === NNBSP || code === TAB || code === 10 || code === 13;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function scanValue(raw: string, out: Scan): ValueKind {
  return scanSlice(raw, 0, raw.length, out);
}

// The same, for raw.substring(from, to), without making that string: the importer scans
// millions of CSV fields in place.
export function scanSlice(raw: string, from: number, to: number, out: Scan): ValueKind {
  out.decimalComma = false;
  out.percent = false;
  out.registryShaped = false;
  let start = from;
  let end = to;
  while (start < end && isBlank(raw.charCodeAt(start))) start++;
  while (end > start && isBlank(raw.charCodeAt(end - 1))) end--;
  if (start === end) return (out.kind = 'empty');
  const first = raw.charCodeAt(start);
  // Most text starts with a letter: settle it without further work unless it is a boolean
  // word or a currency-first amount.
  if (!isDigit(first) && first !== 45 && first !== 43 && first !== 0x20ac && first !== 46 && first !== 44) {
    if (end - start <= 5) {
      const word = booleanWords.get(raw.slice(start, end).toLowerCase());
      if (word !== undefined) {
        out.bool = word;
        return (out.kind = 'boolean');
      }
    }
    if ((first === 69 || first === 101) && scanNumber(raw, start, end, out)) return out.kind;
    return (out.kind = 'text');
  }
  if (first === 45 && end - start === 1) {
    out.number = 0;
    out.bool = false;
    return (out.kind = 'binary');
  }
  if (isDigit(first) && scanDate(raw, start, end, out)) return out.kind;
  if (scanNumber(raw, start, end, out)) return out.kind;
  return (out.kind = 'text');
}

// Amounts as French software writes them. Sets kind and number; false when it is not one.
function scanNumber(raw: string, start: number, end: number, out: Scan): boolean {
  let percent = false;
  // Suffixes: %, €, EUR, with optional blanks before them.
  for (;;) {
    let e = end;
    if (raw.charCodeAt(e - 1) === 37) {
      if (percent) return false;
      percent = true;
      e--;
    } else if (raw.charCodeAt(e - 1) === 0x20ac) e--;
    else if (e - start > 3 && isEur(raw, e - 3)) e -= 3;
    else break;
    while (e > start && isBlank(raw.charCodeAt(e - 1))) e--;
    end = e;
    if (start === end) return false;
  }
  let i = start;
  if (raw.charCodeAt(i) === 0x20ac) {
    i++;
    while (i < end && isBlank(raw.charCodeAt(i))) i++;
  } else if (end - i > 3 && isEur(raw, i)) {
    i += 3;
    while (i < end && isBlank(raw.charCodeAt(i))) i++;
  }
  let negative = false;
  const signAt = raw.charCodeAt(i);
  if (signAt === 45 || signAt === 43 || signAt === 0x2212) {
    negative = signAt !== 43;
    i++;
  }
  const digitsFrom = i;
  // The digits accumulate into one integer (exact up to 15 digits, beyond which a value is a
  // code) and the decimal point only divides at the end: no strings are built.
  let mantissa = 0;
  let intCount = 0;
  let groupLength = 0;
  let separator = -1; // the thousands separator in use
  let groups = 0;
  while (i < end) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - 48);
      intCount++;
      groupLength++;
      i++;
      continue;
    }
    const isSep = c === SPACE || c === NBSP || c === NNBSP || c === 46 || c === 39 || c === 0x2019;
    if (!isSep || !isDigit(raw.charCodeAt(i + 1))) break;
    // A dot separates thousands only in "1.234.567" or "1.234,56"; otherwise it is the
    // decimal point, read below.
    if (c === 46 && separator !== 46) {
      let k = i + 1;
      while (k < end && isDigit(raw.charCodeAt(k))) k++;
      const next = raw.charCodeAt(k);
      if (k - i - 1 !== 3 || (next !== 46 && next !== 44)) break;
    }
    const kind = c === NBSP || c === NNBSP ? SPACE : c;
    if (separator === -1) {
      if (groupLength < 1 || groupLength > 3) return false;
      separator = kind;
    } else if (kind !== separator || groupLength !== 3) return false;
    groupLength = 0;
    groups++;
    i++;
  }
  if (groups > 0 && groupLength !== 3) return false;
  const leadingZero = intCount > 1 && raw.charCodeAt(digitsFrom) === 48;
  let fracCount = 0;
  let decimalComma = false;
  const decimalAt = raw.charCodeAt(i);
  if (i < end && (decimalAt === 44 || (decimalAt === 46 && separator !== 46))) {
    if (decimalAt === 44 && separator === 44) return false;
    decimalComma = decimalAt === 44;
    i++;
    while (i < end && isDigit(raw.charCodeAt(i))) {
      mantissa = mantissa * 10 + (raw.charCodeAt(i) - 48);
      fracCount++;
      i++;
    }
    if (fracCount === 0 && intCount === 0) return false;
  }
  let exponent = 0;
  let hasExponent = false;
  if (i < end && (raw.charCodeAt(i) === 69 || raw.charCodeAt(i) === 101) && groups === 0 && intCount > 0) {
    let k = i + 1;
    const expNegative = raw.charCodeAt(k) === 45;
    if (expNegative || raw.charCodeAt(k) === 43) k++;
    const from = k;
    while (k < end && isDigit(raw.charCodeAt(k))) exponent = exponent * 10 + (raw.charCodeAt(k++) - 48);
    if (k === from) return false;
    if (expNegative) exponent = -exponent;
    hasExponent = true;
    i = k;
  }
  if (i !== end || (intCount === 0 && fracCount === 0)) return false;
  // Codes: leading zeros, a + before a long run of digits (phone), more digits than a double
  // holds exactly.
  if (leadingZero && groups === 0 && !percent) return codeOut(out);
  if (signAt === 43 && intCount >= 8) return codeOut(out);
  if (intCount > 15 && fracCount === 0 && groups === 0) return codeOut(out);
  // An exact integer divided by a power of ten is the correctly rounded decimal.
  let value = fracCount > 0 ? mantissa / powersOfTen[fracCount]! : mantissa;
  if (hasExponent) value = Number(`${value}e${exponent}`);
  if (negative) value = -value;
  if (!Number.isFinite(value)) return false;
  if (percent) value = roundFraction(value / 100, fracCount + 2);
  out.number = value;
  out.decimalComma = decimalComma;
  out.percent = percent;
  out.registryShaped = !percent && !negative && groups === 0 && fracCount === 0 && digitsFrom === start && (intCount === 9 || intCount === 14);
  if (fracCount === 0 && !hasExponent && !percent && Number.isSafeInteger(value)) {
    out.kind = value === 0 || value === 1 ? 'binary' : 'integer';
    out.bool = value === 1;
  } else out.kind = 'decimal';
  return true;
}

const powersOfTen = Array.from({ length: 23 }, (_, k) => 10 ** k);

function isEur(raw: string, at: number): boolean {
  return (raw.charCodeAt(at) | 32) === 101 && (raw.charCodeAt(at + 1) | 32) === 117 && (raw.charCodeAt(at + 2) | 32) === 114;
}

function codeOut(out: Scan): true {
  out.kind = 'code';
  return true;
}

// 12.3 % / 100 gives 0.12300000000000001 in binary; round to the digits the text had.
function roundFraction(value: number, digits: number): number {
  return Number(value.toFixed(Math.min(digits, 20)));
}

function readInt(raw: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 48);
  }
  return to > from ? n : -1;
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth[m - 1]!) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function pad(n: number, width: number): string {
  return width === 2 && n < 100 ? twoDigits[n]! : String(n).padStart(width, '0');
}

// A column holds a few thousand distinct dates among millions of values: each ISO string is
// made once.
// Slot of each day from 1900 to 2099 (31 slots a month): an array lookup, no hashing.
const cachedFrom = 1900;
const cachedYears = 200;
const isoDates: (string | undefined)[] = new Array(cachedYears * 12 * 31);

function isoDate(y: number, m: number, d: number): string {
  const slot = y >= cachedFrom && y < cachedFrom + cachedYears ? ((y - cachedFrom) * 12 + m - 1) * 31 + d - 1 : -1;
  let iso = slot >= 0 ? isoDates[slot] : undefined;
  if (iso === undefined) {
    iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    if (slot >= 0) isoDates[slot] = iso;
  }
  return iso;
}

// Dates and datetimes. Sets kind and iso; false when it is not one.
function scanDate(raw: string, start: number, end: number, out: Scan): boolean {
  // Date part: three numbers separated twice by the same / - or . character.
  let i = start;
  while (i < end && isDigit(raw.charCodeAt(i))) i++;
  const firstLength = i - start;
  if (firstLength === 0 || firstLength > 4 || i >= end) return false;
  const sep = raw.charCodeAt(i);
  if (sep !== 47 && sep !== 45 && sep !== 46) return false;
  const secondFrom = ++i;
  while (i < end && isDigit(raw.charCodeAt(i))) i++;
  const secondLength = i - secondFrom;
  if (secondLength < 1 || secondLength > 2 || raw.charCodeAt(i) !== sep) return false;
  const thirdFrom = ++i;
  while (i < end && isDigit(raw.charCodeAt(i))) i++;
  const thirdLength = i - thirdFrom;
  let y: number, m: number, d: number;
  if (firstLength === 4) {
    if (thirdLength < 1 || thirdLength > 2 || sep === 46) return false;
    y = readInt(raw, start, start + 4);
    m = readInt(raw, secondFrom, secondFrom + secondLength);
    d = readInt(raw, thirdFrom, i);
  } else {
    if (firstLength > 2 || (thirdLength !== 4 && thirdLength !== 2)) return false;
    d = readInt(raw, start, start + firstLength);
    m = readInt(raw, secondFrom, secondFrom + secondLength);
    y = readInt(raw, thirdFrom, i);
    if (thirdLength === 2) y += y < 50 ? 2000 : 1900;
  }
  if (!validDate(y, m, d)) return false;
  const date = isoDate(y, m, d);
  if (i === end) {
    out.iso = date;
    out.kind = 'date';
    return true;
  }
  // Time part: " hh:mm[:ss[.fff]]" or "Thh:mm…", optionally Z.
  const joint = raw.charCodeAt(i);
  if (joint !== SPACE && joint !== 84) return false;
  i++;
  while (i < end && raw.charCodeAt(i) === SPACE) i++;
  const hFrom = i;
  while (i < end && isDigit(raw.charCodeAt(i))) i++;
  const h = readInt(raw, hFrom, i);
  if (i - hFrom < 1 || i - hFrom > 2 || (raw.charCodeAt(i) !== 58 && raw.charCodeAt(i) !== 104)) return false;
  const min = readInt(raw, i + 1, i + 3);
  i += 3;
  let s = 0;
  if (raw.charCodeAt(i) === 58) {
    s = readInt(raw, i + 1, i + 3);
    i += 3;
    if (raw.charCodeAt(i) === 46) {
      i++;
      while (i < end && isDigit(raw.charCodeAt(i))) i++;
    }
  }
  if (raw.charCodeAt(i) === 90) i++;
  if (i !== end || h < 0 || h > 23 || min < 0 || min > 59 || s < 0 || s > 59) return false;
  out.iso = `${date}T${pad(h, 2)}:${pad(min, 2)}:${pad(s, 2)}`;
  out.kind = 'datetime';
  return true;
}

const scratch = newScan();

export function parseFrenchNumber(raw: string): number | null {
  const kind = scanValue(raw, scratch);
  return kind === 'integer' || kind === 'decimal' || kind === 'binary' ? scratch.number : null;
}

export function parseFrenchDate(raw: string): string | null {
  return scanValue(raw, scratch) === 'date' ? scratch.iso : null;
}

export function parseFrenchDateTime(raw: string): string | null {
  const kind = scanValue(raw, scratch);
  if (kind === 'datetime') return scratch.iso;
  return kind === 'date' ? `${scratch.iso}T00:00:00` : null;
}

export function parseFrenchBoolean(raw: string): boolean | null {
  const kind = scanValue(raw, scratch);
  return kind === 'boolean' || kind === 'binary' ? scratch.bool : null;
}

// How a value is stored in a column of that type (see version-store's storage rules), or why
// not: `ok: false` carries the text kept in its place and flagged.
export type Coerced = { ok: true; value: string | number | null } | { ok: false; value: string };

export type RawValue = string | number | boolean | null;

// The one rule for "does this value fit this column type", used by the import for every cell
// and by the grid for every edit. Empty fits every type (stored as NULL).
export function coerceValue(type: ColumnType, raw: RawValue, scan: Scan = scratch): Coerced {
  if (raw === null) return { ok: true, value: null };
  if (typeof raw === 'number') return coerceNumber(type, raw);
  if (typeof raw === 'boolean') {
    if (type === 'boolean' || type === 'integer' || type === 'decimal') return { ok: true, value: raw ? 1 : 0 };
    return type === 'text' ? { ok: true, value: raw ? 'VRAI' : 'FAUX' } : { ok: false, value: raw ? 'VRAI' : 'FAUX' };
  }
  // Blank is empty for every type, text included, as the import stores it.
  const value = storeScanned(type, raw, scanValue(raw, scan), scan);
  return scan.fits ? { ok: true, value } : { ok: false, value: raw };
}

// For callers that already scanned the text (the import scans every value once for the
// inference, then stores it): the stored value, and `scan.fits` says whether it fitted (when
// not, the raw text is what is returned). Allocates nothing, for millions of cells.
export function storeScanned(type: ColumnType, raw: string, kind: ValueKind, scan: Scan): string | number | null {
  scan.fits = true;
  if (kind === 'empty') return null;
  switch (type) {
    case 'integer':
      if (kind === 'integer' || kind === 'binary') return scan.number;
      break;
    case 'decimal':
      if (kind === 'integer' || kind === 'binary' || kind === 'decimal') return scan.number;
      break;
    case 'boolean':
      if (kind === 'boolean' || kind === 'binary') return scan.bool ? 1 : 0;
      break;
    case 'date':
      if (kind === 'date') return scan.iso;
      if (kind === 'datetime' && scan.iso.endsWith('T00:00:00')) return scan.iso.slice(0, 10);
      break;
    case 'datetime':
      if (kind === 'datetime') return scan.iso;
      if (kind === 'date') return `${scan.iso}T00:00:00`;
      break;
    case 'text':
      return raw;
  }
  scan.fits = false;
  return raw;
}

function coerceNumber(type: ColumnType, value: number): Coerced {
  switch (type) {
    case 'integer':
      return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, value: String(value) };
    case 'decimal':
      return { ok: true, value };
    case 'boolean':
      return value === 0 || value === 1 ? { ok: true, value } : { ok: false, value: String(value) };
    case 'text':
      return { ok: true, value: String(value) };
    default:
      // Spreadsheet serials in a date column are converted by the importer, which knows the
      // workbook's date system; typed in the grid, a bare number is no date.
      return { ok: false, value: String(value) };
  }
}
