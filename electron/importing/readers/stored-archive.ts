import type { FileHandle } from 'node:fs/promises';
import { zipSync } from 'fflate';
import { SharedStringCounter } from './shared-string-limits';
import { guardArchiveProportion, inflateEntry, readZipDirectory, type InflateBudget } from './zip-directory';

// SheetJS holds a whole workbook in memory, several times its XML: past this much inflated XML
// it would not fit in the parse worker's heap anyway (the streaming reader takes .xlsx files
// from 5 MB; this path is for smaller ones and for .ods).
export const maxInflatedForSheetJs = 160 * 1024 ** 2;

// SheetJS inflates a zip's entries itself, without any limit: an entry declaring 0 bytes drove
// one preview to 3.35 GB in the security review. Every part goes through the capped inflater
// here (declared size as a ceiling, one budget for the whole archive, shared strings counted
// as they inflate) and SheetJS gets the parts back stored, with nothing left to inflate.
export async function storedCopyOfArchive(handle: FileHandle, size: number): Promise<Uint8Array> {
  const entries = await readZipDirectory(handle, size);
  guardArchiveProportion(entries, size);
  const budget: InflateBudget = { remaining: maxInflatedForSheetJs };
  const strings = new SharedStringCounter();
  const parts = new Map<string, Uint8Array>();
  for (const [name, entry] of entries) {
    if (name.endsWith('/')) continue; // a folder entry holds nothing
    const pieces: Uint8Array[] = [];
    for await (const piece of inflateEntry(handle, entry, budget)) {
      strings.count(piece);
      pieces.push(piece);
    }
    strings.endOfPart();
    parts.set(name, Buffer.concat(pieces));
  }
  // fromEntries defines own properties: a part named like an Object.prototype member stays a part.
  return zipSync(Object.fromEntries(parts), { level: 0 });
}
