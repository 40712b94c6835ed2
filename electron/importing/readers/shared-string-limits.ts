import { AppError } from '../../../shared/errors';

// The shared string table stays in memory for the whole read: 20 million empty <si/> (a 6.4 MB
// file) cost 833 MiB in the security review. Real workbooks stay far below these: a million
// rows with a few columns of distinct text.
export const maxSharedStrings = 5_000_000;
// Their total length, in UTF-16 code units (what V8 holds at worst).
export const maxSharedStringChars = 256 * 1024 ** 2;

export function tooManyStrings(): AppError {
  return new AppError('import.too_many_strings', { max: maxSharedStrings.toLocaleString('fr-FR') });
}

const lt = 0x3c;
const colon = 0x3a;
const slash = 0x2f;
const nameEnds = new Set([0x20, 0x3e, slash, 0x0a, 0x0d, 0x09]);
const isNameByte = (byte: number) => /[\w.-]/.test(String.fromCharCode(byte));

// For SheetJS, which parses the table itself: counts the <si> elements (any namespace prefix)
// of the parts as they inflate, before SheetJS sees them. Their total size is bounded by the
// archive's budget. A tag cut between two pieces is found in the few bytes carried over.
export class SharedStringCounter {
  #total = 0;
  #carry = Buffer.alloc(0);

  count(piece: Uint8Array): void {
    const bytes = Buffer.concat([this.#carry, piece]);
    // A match is counted once the byte after "si" has arrived: those whose next byte was in
    // the carried bytes were counted with the previous piece.
    const fresh = this.#carry.length;
    for (let at = bytes.indexOf('si', Math.max(1, fresh - 2)); at > 0 && at + 2 < bytes.length; at = bytes.indexOf('si', at + 1)) {
      if (at + 2 < fresh || !nameEnds.has(bytes[at + 2]!) || !opensElement(bytes, at)) continue;
      if (++this.#total > maxSharedStrings) throw tooManyStrings();
    }
    // Enough to hold `<prefix:si` and the byte after it.
    this.#carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 34)));
  }

  endOfPart(): void {
    this.#carry = Buffer.alloc(0);
  }
}

// `<si` or `<x:si`, not `</x:si>` nor an attribute.
function opensElement(bytes: Buffer, nameStart: number): boolean {
  let at = nameStart - 1;
  if (bytes[at] === colon) {
    at--;
    while (at > 0 && nameStart - at < 32 && isNameByte(bytes[at]!)) at--;
  }
  return bytes[at] === lt && bytes[at + 1] !== slash;
}
