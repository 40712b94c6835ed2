import * as XLSX from 'xlsx';
import type { RawCell } from '../raw-table';

const secondsPerDay = 86_400;
const excelMaxSerial = 2_958_466; // 10000-01-01: Excel shows #### from there on
// Days from each system's serial 0 to 1970-01-01. In the 1900 system Excel counts a
// 29 February 1900 that never was (Lotus' bug), so serials up to 59 sit one day later.
const epochOffset1904 = 24_107;
const epochOffset1900 = 25_569;
const leapBugSerial = 60;

// Both readers ask the same question so that .xlsx read by SheetJS or by the streaming reader
// gives the same cells: a number is a date when its format shows day, month, year, hour or
// second outside quotes and brackets (SheetJS' rule, which also knows locale and era codes).
export function isDateFormat(formatCode: string | undefined): boolean {
  return formatCode !== undefined && XLSX.SSF.is_date(formatCode);
}

// A date-formatted number becomes an ISO date (or datetime when it has a time of day). What
// no calendar date can hold stays a number, for the type inference to report rather than hide:
// Excel's 29/02/1900, negative serials, serials past year 9999.
export function serialToDateCell(serial: number, date1904: boolean): RawCell {
  if (!Number.isFinite(serial) || serial < 0 || serial >= excelMaxSerial) return serial;
  const totalSeconds = Math.round(serial * secondsPerDay);
  const days = Math.floor(totalSeconds / secondsPerDay);
  const seconds = totalSeconds - days * secondsPerDay;
  // A time of day alone is stored as a fraction of day 0, which has no date.
  if (days === 0) return timeOfDay(seconds);
  if (!date1904 && days === leapBugSerial) return serial;
  const offset = date1904 ? epochOffset1904 : days < leapBugSerial ? epochOffset1900 - 1 : epochOffset1900;
  const iso = new Date(((days - offset) * secondsPerDay + seconds) * 1000).toISOString();
  return { date: seconds === 0 ? iso.slice(0, 10) : iso.slice(0, 19) };
}

function timeOfDay(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}
