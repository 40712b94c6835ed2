import { IntList } from '../int-list';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;

// Parsed rows as offsets into one text: a million rows of a dozen fields would otherwise be
// twelve million strings made on the parsing thread, copied to the writing thread and
// collected. Fields are cut out of `text` only where needed (cellText).
export interface ParsedRows {
  text: string;
  starts: Int32Array; // per field
  ends: Int32Array;
  rowEnds: Int32Array; // per row: index after its last field
  lines: Int32Array; // per row: physical line (1-based) where it starts
  rows: number;
}

export function rowFieldsFrom(parsed: ParsedRows, row: number): number {
  return row === 0 ? 0 : parsed.rowEnds[row - 1]!;
}

export function rowFields(parsed: ParsedRows, row: number): string[] {
  const fields: string[] = [];
  for (let f = rowFieldsFrom(parsed, row); f < parsed.rowEnds[row]!; f++) fields.push(parsed.text.substring(parsed.starts[f]!, parsed.ends[f]!));
  return fields;
}

// RFC 4180 and what old software writes besides: CRLF, LF or CR-only line ends, quotes
// doubled inside quoted fields, line breaks inside quotes, blanks before an opening quote,
// text after a closing quote kept as written, NUL bytes dropped.
export class CsvParser {
  readonly #delimiter: number;
  #pending = '';
  #line = 1;
  // Text of the rows parsed since the last take(), and values that are no slice of it
  // (unescaped quotes), appended after it when taken.
  #segments: string[] = [];
  #segmentsLength = 0;
  #built: string[] = [];
  #builtLength = 0;
  readonly #starts = new IntList();
  readonly #ends = new IntList();
  readonly #rowEnds = new IntList();
  readonly #lines = new IntList();
  nulBytes = 0;

  constructor(delimiter: string) {
    this.#delimiter = delimiter.charCodeAt(0);
  }

  push(chunk: string): void {
    if (chunk.includes('\0')) {
      const cleaned = chunk.replaceAll('\0', '');
      this.nulBytes += chunk.length - cleaned.length;
      chunk = cleaned;
    }
    const text = this.#pending ? this.#pending + chunk : chunk;
    this.#keep(text, this.#parse(text, false));
  }

  end(): void {
    if (this.#pending) this.#keep(this.#pending, this.#parse(this.#pending, true));
    this.#pending = '';
  }

  take(): ParsedRows {
    const base = this.#segmentsLength;
    const starts = this.#starts.take();
    const ends = this.#ends.take();
    // Built values sit after the rows' text: their offsets were noted as -(1 + offset).
    if (this.#built.length > 0) {
      for (let f = 0; f < starts.length; f++) {
        if (starts[f]! < 0) {
          starts[f] = base - starts[f]! - 1;
          ends[f] = base - ends[f]! - 1;
        }
      }
    }
    const text = this.#segments.join('') + this.#built.join('');
    const rowEnds = this.#rowEnds.take();
    this.#segments = [];
    this.#segmentsLength = 0;
    this.#built = [];
    this.#builtLength = 0;
    return { text, starts, ends, rowEnds, lines: this.#lines.take(), rows: rowEnds.length };
  }

  #keep(text: string, parsedUpTo: number): void {
    if (parsedUpTo > 0) {
      this.#segments.push(parsedUpTo === text.length ? text : text.slice(0, parsedUpTo));
      this.#segmentsLength += parsedUpTo;
    }
    this.#pending = text.slice(parsedUpTo);
  }

  #field(from: number, to: number): void {
    this.#starts.push(this.#segmentsLength + from);
    this.#ends.push(this.#segmentsLength + to);
  }

  #builtField(value: string): void {
    this.#starts.push(-1 - this.#builtLength);
    this.#builtLength += value.length;
    this.#ends.push(-1 - this.#builtLength);
    this.#built.push(value);
  }

  // Parses every complete row of `text`; returns where the incomplete rest begins.
  #parse(text: string, final: boolean): number {
    const delimiter = this.#delimiter;
    const length = text.length;
    let rowStart = 0;
    let pos = 0;
    let line = this.#line;
    let rowLine = line;
    // What the row being read has added, undone if it turns out incomplete: it is parsed
    // again, whole, with the next chunk.
    let rowFirstField = this.#starts.length;
    let rowBuilt = this.#built.length;
    let rowBuiltLength = this.#builtLength;
    const suspend = (): number => {
      this.#starts.length = rowFirstField;
      this.#ends.length = rowFirstField;
      this.#built.length = rowBuilt;
      this.#builtLength = rowBuiltLength;
      this.#line = rowLine;
      return rowStart;
    };
    for (;;) {
      let quoteAt = pos;
      while (quoteAt < length && text.charCodeAt(quoteAt) === SPACE) quoteAt++;
      if (quoteAt < length && text.charCodeAt(quoteAt) === QUOTE) {
        let from = quoteAt + 1;
        let built: string | null = null;
        let valueEnd: number;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0 || (close + 1 === length && !final)) {
            if (!final) return suspend();
            built = built === null ? null : built + text.slice(from);
            valueEnd = length;
            pos = length;
            break;
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            built = (built ?? '') + text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          if (built !== null) built += text.slice(from, close);
          valueEnd = close;
          pos = close + 1;
          break;
        }
        line += countLineBreaks(text, quoteAt + 1, valueEnd);
        // Whatever follows the closing quote up to the delimiter is kept, not lost.
        let tail = pos;
        while (tail < length) {
          const c = text.charCodeAt(tail);
          if (c === delimiter || c === CR || c === LF) break;
          tail++;
        }
        if (tail > pos) built = (built ?? text.slice(quoteAt + 1, valueEnd)) + text.slice(pos, tail).trimEnd();
        pos = tail;
        if (pos >= length && !final) return suspend();
        if (built !== null) this.#builtField(built);
        else this.#field(quoteAt + 1, valueEnd);
      } else {
        const from = pos;
        while (pos < length) {
          const c = text.charCodeAt(pos);
          if (c === delimiter || c === CR || c === LF) break;
          pos++;
        }
        if (pos >= length && !final) return suspend();
        this.#field(from, pos);
      }
      const c = text.charCodeAt(pos);
      if (c === delimiter) {
        pos++;
        continue;
      }
      // End of the row: CRLF, LF, CR, or the end of the text.
      if (c === CR) {
        if (pos + 1 >= length && !final) return suspend();
        pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
      } else if (c === LF) pos++;
      this.#rowEnds.push(this.#starts.length);
      this.#lines.push(rowLine);
      rowFirstField = this.#starts.length;
      rowBuilt = this.#built.length;
      rowBuiltLength = this.#builtLength;
      line++;
      rowLine = line;
      rowStart = pos;
      if (pos >= length) {
        this.#line = line;
        return pos;
      }
    }
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // CR-only files: a CR not followed by LF is a break too.
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}
