import { basename } from 'node:path';
import { delimiter as delimiterSchema, type Delimiter, type Encoding } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { openSourceFile, readBytesAt } from '../readers/source-file';
import { CsvParser, type ParsedRows } from './csv-parser';
import { bomLength, detectEncoding } from './detect-encoding';
import { sniffDelimiter } from './sniff-delimiter';
import { chunkDecoder } from './text-decoder';

export const maxCsvBytes = 1024 ** 3;
const headBytes = 64 * 1024;
const readBytes = 1024 * 1024;

export interface CsvDialect {
  encoding: Encoding;
  delimiter: Delimiter;
}

export interface CsvReadOptions {
  signal?: AbortSignal;
  onProgress?(bytesRead: number, size: number): void;
}

export interface CsvStats {
  nulBytes: number;
  replacementChars: number;
}

// A CSV file with its dialect: what the agent chose, else what the first 64 KB say.
export class CsvSource {
  readonly stats: CsvStats = { nulBytes: 0, replacementChars: 0 };

  private constructor(
    readonly path: string,
    readonly size: number,
    readonly dialect: CsvDialect,
    readonly bomLength: number,
  ) {}

  static async open(path: string, chosen: Partial<CsvDialect> = {}): Promise<CsvSource> {
    const handle = await openSourceFile(path);
    try {
      const { size } = await handle.stat();
      const fileName = basename(path);
      if (size > maxCsvBytes) throw new AppError('files.too_large', { fileName, max: '1 Go' });
      const head = await readBytesAt(handle, 0, headBytes);
      const detected = detectEncoding(head);
      const encoding = chosen.encoding ?? detected.encoding;
      const bom = bomLength(head, encoding);
      const decoder = chunkDecoder(encoding);
      const sample = decoder.write(head.subarray(bom));
      const delimiter = chosen.delimiter ?? excelHint(sample) ?? sniffDelimiter(sample);
      return new CsvSource(path, size, { encoding, delimiter }, bom);
    } finally {
      await handle.close();
    }
  }

  // Rows in batches, as the parser completes them; the file is never read whole.
  async *read(options: CsvReadOptions = {}): AsyncIterable<ParsedRows> {
    const handle = await openSourceFile(this.path);
    try {
      const decoder = chunkDecoder(this.dialect.encoding);
      const parser = new CsvParser(this.dialect.delimiter);
      const buffer = Buffer.allocUnsafe(readBytes);
      let position = this.bomLength;
      for (;;) {
        if (options.signal?.aborted) throw new AppError('jobs.cancelled');
        const { bytesRead } = await handle.read(buffer, 0, readBytes, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        parser.push(this.#count(decoder.write(buffer.subarray(0, bytesRead))));
        options.onProgress?.(position, this.size);
        yield parser.take();
      }
      parser.push(this.#count(decoder.end()));
      parser.end();
      this.stats.nulBytes = parser.nulBytes;
      yield parser.take();
    } finally {
      await handle.close();
    }
  }

  #count(text: string): string {
    for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) this.stats.replacementChars++;
    return text;
  }
}

// Excel's "sep=;" first line names the delimiter (the line itself is then a title row).
function excelHint(sample: string): Delimiter | undefined {
  const hint = /^sep=(.)\r?\n/i.exec(sample)?.[1];
  const parsed = delimiterSchema.safeParse(hint);
  return parsed.success ? parsed.data : undefined;
}
