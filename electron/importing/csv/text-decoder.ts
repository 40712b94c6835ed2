import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import type { Encoding } from '../../../shared/contract';

export interface ChunkDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

// Streaming decode: a character cut between two reads is completed by the next one.
export function chunkDecoder(encoding: Encoding): ChunkDecoder {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

export interface MixedStats {
  // Lines read as UTF-8 that hold non-ASCII text, and lines read in the legacy encoding.
  utf8Lines: number;
  legacyLines: number;
  firstUtf8Line: number | null;
  firstLegacyLine: number | null;
}

// Files pasted together from two programs switch from Windows-1252 to UTF-8 (or back) partway
// down. Where the encoding was detected, not chosen, each line is read in the one it is
// valid in: UTF-8 where its bytes are valid UTF-8, else the legacy encoding. A chunk that is
// valid UTF-8 whole, or holds no UTF-8 sequence at all, is decoded in one call.
export function mixedDecoder(legacy: Encoding, stats: MixedStats): ChunkDecoder {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  const utf8Text = (bytes: Buffer, at: number) => {
    const text = utf8.decode(bytes);
    if (text.length < bytes.length) {
      stats.utf8Lines++;
      stats.firstUtf8Line ??= at;
    }
    return text;
  };
  const legacyText = (bytes: Buffer, at: number) => {
    stats.legacyLines++;
    stats.firstLegacyLine ??= at;
    return iconv.decode(bytes, legacy);
  };
  const decode = (bytes: Buffer): string => {
    const lines = countLines(bytes);
    const start = line;
    line += lines;
    if (isUtf8(bytes)) return utf8Text(bytes, start);
    if (!hasUtf8Sequence(bytes)) return legacyText(bytes, start);
    let out = '';
    let from = 0;
    let at = start;
    while (from < bytes.length) {
      const lf = bytes.indexOf(10, from);
      const to = lf < 0 ? bytes.length : lf + 1;
      const piece = bytes.subarray(from, to);
      out += isUtf8(piece) ? utf8Text(piece, at) : legacyText(piece, at);
      from = to;
      at++;
    }
    return out;
  };
  return {
    write(bytes) {
      const data = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
      // Decoded up to the last ASCII byte: no character of either encoding is cut in two.
      let cut = data.length;
      while (cut > 0 && data[cut - 1]! >= 0x80) cut--;
      carry = Buffer.from(data.subarray(cut));
      return cut > 0 ? decode(data.subarray(0, cut)) : '';
    },
    end() {
      const rest = carry;
      carry = Buffer.alloc(0);
      return rest.length > 0 ? decode(rest) : '';
    },
  };
}

function countLines(bytes: Buffer): number {
  let count = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) count++;
  return count;
}

// A multi-byte UTF-8 sequence somewhere: a lead byte followed by its continuation bytes.
function hasUtf8Sequence(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    let k = 1;
    while (k < length && i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80) k++;
    if (k === length) return true;
  }
  return false;
}
