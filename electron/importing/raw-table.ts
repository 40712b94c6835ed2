// What every reader (CSV, streaming XLSX, SheetJS for .xls/.ods/small files) hands to the
// common pipeline: rows of raw cells, before the header is found and types are inferred.
// Readers stay dumb about tables; the table finder and the type inference are shared.

export type RawCell =
  | null // empty cell
  | string // text as written (CSV field, shared/inline string, text-formatted cell)
  | number // a numeric cell of a spreadsheet (not a date)
  | boolean
  | { date: string }; // a spreadsheet cell formatted as a date: ISO 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS'

export type RawRow = RawCell[];

export interface SheetInfo {
  index: number;
  name: string;
  hidden: boolean;
}

// Merged ranges, 0-based inclusive, as read from the sheet (empty for CSV).
export interface MergedRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}
