import { basename } from 'node:path';
import { delimiter as delimiterSchema, type Delimiter, type Encoding } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { openSourceFile, readBytesAt } from '../readers/source-file';
import { CsvParser, type ParsedRows } from './csv-parser';
import { bomLength, detectEncoding } from './detect-encoding';
import { sniffDelimiter } from './sniff-delimiter';
import { chunkDecoder, mixedDecoder, type MixedStats } from './text-decoder';

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
  // Text that reads like UTF-8 decoded as Windows-1252 ("Ã©" for "é"): converted twice upstream.
  mojibake: number;
  mixed: MixedStats;
}

// Decoding as the file may need it: where the agent chose no encoding and the file starts in
// a legacy code page, each line in the one it is valid in (see mixedDecoder).
export interface CsvDecoding {
  encoding: Encoding;
  // The legacy encoding lines that are not valid UTF-8 are read in; null: `encoding` alone.
  mixedWith: Encoding | null;
  guessed: boolean;
}

const mojibakePattern = /Ã[\u00a0-\u00bf]|â€[\u0080-\u00ff™œ“”˜]/g;

// A CSV file with its dialect: what the agent chose, else what the first 64 KB say.
export class CsvSource {
  readonly stats: CsvStats = {
    nulBytes: 0,
    replacementChars: 0,
    mojibake: 0,
    mixed: { utf8Lines: 0, legacyLines: 0, firstUtf8Line: null, firstLegacyLine: null },
  };

  private constructor(
    readonly path: string,
    readonly size: number,
    readonly dialect: CsvDialect,
    readonly bomLength: number,
    readonly decoding: CsvDecoding,
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
      // A file that starts in a legacy code page may turn to UTF-8 further down (files pasted
      // together). One that starts in UTF-8 and turns legacy is reported as undecodable
      // characters: checking every line of every UTF-8 file would slow the common case.
      const mixedWith = chosen.encoding !== undefined || encoding === 'utf-8' || encoding.startsWith('utf-16') ? null : encoding;
      return new CsvSource(path, size, { encoding, delimiter }, bom, {
        encoding,
        mixedWith,
        guessed: chosen.encoding === undefined && detected.guessed === true,
      });
    } finally {
      await handle.close();
    }
  }

  // Rows in batches, as the parser completes them; the file is never read whole.
  async *read(options: CsvReadOptions = {}): AsyncIterable<ParsedRows> {
    const handle = await openSourceFile(this.path);
    try {
      const { mixedWith } = this.decoding;
      const decoder = mixedWith ? mixedDecoder(mixedWith, this.stats.mixed) : chunkDecoder(this.dialect.encoding);
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
    if (text.includes('Ã') || text.includes('â€')) this.stats.mojibake += text.match(mojibakePattern)?.length ?? 0;
    return text;
  }
}

// Excel's "sep=;" first line names the delimiter (the line itself is then a title row).
function excelHint(sample: string): Delimiter | undefined {
  const hint = /^sep=(.)\r?\n/i.exec(sample)?.[1];
  const parsed = delimiterSchema.safeParse(hint);
  return parsed.success ? parsed.data : undefined;
}
