import * as XLSX from 'xlsx';
import type { RawCell } from '../raw-table';
import { isDateFormat, serialToDateCell } from './excel-dates';

// How a numeric cell is read, from the number format of its style: a date, a code shown with
// its leading zeros ("00000" shows 2290 as 02290, "00 00 00 00 00" a phone number), or a plain
// number (undefined). Both .xlsx readers and SheetJS' cells go through here.
export type NumberStyle = 'date' | { padded: string } | undefined;

// Zeros only, possibly in groups (spaces, dots, dashes), quotes and escapes aside: no '#',
// no decimals, no thousands grouping. A single 0 is the plain integer format.
const zeroPadding = /^0+(?:[ .-]0+)*$/;

export function numberStyle(formatCode: string | undefined): NumberStyle {
  if (formatCode === undefined) return undefined;
  if (isDateFormat(formatCode)) return 'date';
  const bare = formatCode.replace(/\\(.)/g, '$1').replace(/"([^"]*)"/g, '$1');
  return zeroPadding.test(bare) && bare.replace(/[^0]/g, '').length >= 2 ? { padded: formatCode } : undefined;
}

export function readNumberCell(value: number, style: NumberStyle, date1904: boolean): RawCell {
  if (style === undefined) return value;
  if (style === 'date') return serialToDateCell(value, date1904);
  // The text the agent saw: a code, kept as text with its zeros.
  return Number.isSafeInteger(value) && value >= 0 ? XLSX.SSF.format(style.padded, value) : value;
}
