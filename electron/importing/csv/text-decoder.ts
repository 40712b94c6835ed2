import iconv from 'iconv-lite';
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
