import chardet from 'chardet';
import iconv from 'iconv-lite';
import { encoding as encodingSchema, type Encoding } from '../../../shared/contract';

export interface DetectedEncoding {
  encoding: Encoding;
  bomLength: number;
  // Not a French text: the encoding came from a statistical guess (Greek, Cyrillic…), which
  // the preview says so that the agent checks it.
  guessed?: true;
}

// Letters a French file is made of: the single-byte encoding that turns the most high bytes
// into these is the one the file was written in.
// The no-break space and the signs French figures carry count too (" 1 063 850,00 €").
const frenchLetters = new Set('àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»°€’œ\u00a0²³µ§'.split(''));
const singleByte = ['windows-1252', 'iso-8859-15', 'cp850'] as const;

export function bomLength(head: Uint8Array, encoding: Encoding): number {
  if (encoding === 'utf-8') return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return head[0] === 0xff && head[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return head[0] === 0xfe && head[1] === 0xff ? 2 : 0;
  return 0;
}

// From the first bytes of the file: a BOM says it; else the NUL pattern of UTF-16; else
// valid UTF-8; else the legacy code page that reads as French.
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
    const length = bomLength(head, encoding);
    if (length > 0) return { encoding, bomLength: length };
  }
  const nuls = [0, 0];
  for (let i = 0; i < head.length; i++) if (head[i] === 0) nuls[i & 1]!++;
  const pairs = head.length / 2;
  if (pairs > 0 && nuls[1]! > pairs * 0.3 && nuls[0]! < nuls[1]! / 10) return { encoding: 'utf-16le', bomLength: 0 };
  if (pairs > 0 && nuls[0]! > pairs * 0.3 && nuls[1]! < nuls[0]! / 10) return { encoding: 'utf-16be', bomLength: 0 };
  if (isUtf8(head)) return { encoding: 'utf-8', bomLength: 0 };
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  let best: Encoding = 'windows-1252';
  let bestScore = -1;
  for (const encoding of singleByte) {
    const text = iconv.decode(bytes, encoding);
    let score = 0;
    for (let i = 0; i < text.length; i++) if (head[i]! >= 0x80 && frenchLetters.has(text[i]!)) score++;
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  let highBytes = 0;
  for (const byte of head) if (byte >= 0x80) highBytes++;
  // Most high bytes are no French letter in any French code page: another script.
  if (highBytes >= minHighBytesToGuess && bestScore < highBytes / 2) {
    const guess = otherScript(bytes);
    if (guess) return { encoding: guess, bomLength: 0, guessed: true };
  }
  return { encoding: best, bomLength: 0 };
}

const minHighBytesToGuess = 8;
const minConfidence = 20;
const fold = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const byFoldedName = new Map(encodingSchema.options.map((name) => [fold(name), name]));
const latinFamilies = new Set(['iso88591', 'iso885915', 'windows1252'].map(fold));

function otherScript(bytes: Buffer): Encoding | undefined {
  for (const { name, confidence } of chardet.analyse(bytes)) {
    if (confidence < minConfidence) break;
    const ours = byFoldedName.get(fold(name));
    if (!ours || ours === 'utf-8') continue;
    // Latin-1 first: the French reading stands (its high bytes are spaces, signs…).
    return latinFamilies.has(fold(ours)) ? undefined : ours;
  }
  return undefined;
}

// Valid UTF-8 except maybe a sequence cut at the end of the sample.
function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? (b < 0xf0 ? 3 : 0) : b >= 0xc2 ? 2 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return true;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += length;
  }
  return true;
}
