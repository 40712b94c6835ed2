const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;

export interface ParsedRows {
  rows: string[][];
  // Physical line (1-based) where each row starts, for reports on ragged rows.
  lines: number[];
}

// RFC 4180 and what old software writes besides: CRLF, LF or CR-only line ends, quotes
// doubled inside quoted fields, line breaks inside quotes, blanks before an opening quote,
// text after a closing quote kept as written, NUL bytes dropped.
export class CsvParser {
  readonly #delimiter: number;
  #pending = '';
  #line = 1;
  #rows: string[][] = [];
  #lines: number[] = [];
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
    this.#pending = text.slice(this.#parse(text, false));
  }

  end(): void {
    if (this.#pending) this.#parse(this.#pending, true);
    this.#pending = '';
  }

  take(): ParsedRows {
    const taken = { rows: this.#rows, lines: this.#lines };
    this.#rows = [];
    this.#lines = [];
    return taken;
  }

  // Parses every complete row of `text`; returns where the incomplete rest begins.
  #parse(text: string, final: boolean): number {
    const delimiter = this.#delimiter;
    const length = text.length;
    let rowStart = 0;
    let pos = 0;
    let fields: string[] = [];
    let line = this.#line;
    let rowLine = line;
    for (;;) {
      // At the start of a field.
      let value: string;
      let quoteAt = pos;
      while (quoteAt < length && text.charCodeAt(quoteAt) === SPACE) quoteAt++;
      if (quoteAt < length && text.charCodeAt(quoteAt) === QUOTE) {
        let parts = '';
        let from = quoteAt + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0 || (close + 1 === length && !final)) {
            if (!final) return this.#suspend(rowStart, rowLine);
            parts += text.slice(from);
            pos = length;
            break;
          }
          parts += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += '"';
            from = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
        line += countLineBreaks(parts);
        // Whatever follows the closing quote up to the delimiter is kept, not lost.
        let tail = pos;
        while (tail < length) {
          const c = text.charCodeAt(tail);
          if (c === delimiter || c === CR || c === LF) break;
          tail++;
        }
        value = tail > pos ? parts + text.slice(pos, tail).trimEnd() : parts;
        pos = tail;
      } else {
        const from = pos;
        while (pos < length) {
          const c = text.charCodeAt(pos);
          if (c === delimiter || c === CR || c === LF) break;
          pos++;
        }
        value = text.slice(from, pos);
      }
      if (pos >= length && !final) return this.#suspend(rowStart, rowLine);
      fields.push(value);
      const c = text.charCodeAt(pos);
      if (c === delimiter) {
        pos++;
        continue;
      }
      // End of the row: CRLF, LF, CR, or the end of the text.
      if (c === CR) {
        if (pos + 1 >= length && !final) return this.#suspend(rowStart, rowLine);
        pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
      } else if (c === LF) pos++;
      this.#rows.push(fields);
      this.#lines.push(rowLine);
      fields = [];
      line++;
      rowLine = line;
      rowStart = pos;
      if (pos >= length) {
        this.#line = line;
        return pos;
      }
    }
  }

  #suspend(rowStart: number, rowLine: number): number {
    // The unfinished row is parsed again, whole, with the next chunk.
    this.#line = rowLine;
    return rowStart;
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  // CR-only files: a CR not followed by LF is a break too.
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) count++;
  return count;
}
