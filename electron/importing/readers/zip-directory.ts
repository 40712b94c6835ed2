import type { FileHandle } from 'node:fs/promises';
import { Inflate } from 'fflate';
import { AppError } from '../../../shared/errors';
import { readBytesAt } from './source-file';

export interface ZipEntry {
  name: string;
  method: number; // 0 stored, 8 deflate
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const zip64Marker = 0xffffffff;
// Limits from the issue: an archive may not expand past 2 GB, nor past 200× its own size once
// it is over 100 MB (real workbooks compress 5-20×; a styled empty grid at most ~100×).
const maxTotalUncompressed = 2 * 1024 ** 3;
const maxRatio = 200;
const ratioAppliesFrom = 100 * 1024 ** 2;
const readChunkSize = 1 << 18;
// fflate inflates a pushed chunk whole before its callback sees any output: one 256 KiB chunk
// could expand to ~0.5 GB before the ceiling below is checked. Pushed in slices this small,
// a slice expands to at most ~16 MB (deflate's ceiling is ~1032:1).
const inflateSliceSize = 1 << 14;

// What the inflated parts of one archive may add up to, shared by every entry read against it.
export interface InflateBudget {
  remaining: number;
}

// Reads the central directory only, so the sizes are known before anything is inflated.
export async function readZipDirectory(handle: FileHandle, fileSize: number): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readBytesAt(handle, fileSize - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === endOfDirectorySignature) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new AppError('import.corrupt', { reason: 'zip_directory' });
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset === zip64Marker || directoryOffset + directorySize > fileSize) {
    throw new AppError('import.corrupt', { reason: 'zip_directory' });
  }
  const directory = await readBytesAt(handle, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== directoryEntrySignature) {
      throw new AppError('import.corrupt', { reason: 'zip_directory' });
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      encrypted: (directory.readUInt16LE(at + 8) & 1) === 1,
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    entries.set(entry.name.replace(/^\//, ''), entry);
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return entries;
}

const megabytes = (bytes: number) => `${Number.isFinite(bytes) ? Math.round(bytes / 1024 ** 2) : '> 4 096'} Mo`;

export function guardArchiveProportion(entries: Map<string, ZipEntry>, fileSize: number): void {
  let total = 0;
  for (const entry of entries.values()) {
    // ZIP64 sizes mean an entry of 4 GB or more: past the limit whatever its real size.
    if (entry.uncompressedSize === zip64Marker) total = Infinity;
    total += entry.uncompressedSize;
  }
  if (total > maxTotalUncompressed || (total > ratioAppliesFrom && total > maxRatio * fileSize)) {
    throw archiveBomb(total);
  }
}

export function archiveBomb(bytes: number): AppError {
  return new AppError('import.archive_bomb', { size: megabytes(bytes) });
}

// Inflates one entry as it is read. The declared size is trusted only as a ceiling: an entry
// that inflates past it is a forged archive, stopped there; so is one that overdraws the budget.
export async function* inflateEntry(handle: FileHandle, entry: ZipEntry, budget?: InflateBudget): AsyncGenerator<Uint8Array> {
  if (entry.encrypted) throw new AppError('import.encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw new AppError('import.corrupt', { reason: 'zip_method' });
  const header = await readBytesAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== localHeaderSignature) {
    throw new AppError('import.corrupt', { reason: 'zip_entry' });
  }
  let position = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const end = position + entry.compressedSize;
  let produced = 0;
  const count = (length: number) => {
    produced += length;
    if (produced > entry.uncompressedSize) throw archiveBomb(produced);
    if (budget) {
      budget.remaining -= length;
      if (budget.remaining < 0) throw archiveBomb(produced);
    }
  };
  let pending: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    count(chunk.length);
    pending.push(chunk);
  });
  while (position < end) {
    const chunk = await readBytesAt(handle, position, Math.min(readChunkSize, end - position));
    if (chunk.length === 0) throw new AppError('import.corrupt', { reason: 'zip_truncated' });
    position += chunk.length;
    if (entry.method === 0) {
      count(chunk.length);
      yield chunk;
      continue;
    }
    for (let at = 0; at < chunk.length; at += inflateSliceSize) {
      try {
        inflater.push(chunk.subarray(at, at + inflateSliceSize), position >= end && at + inflateSliceSize >= chunk.length);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('import.corrupt', { reason: 'zip_inflate' });
      }
      const out = pending;
      pending = [];
      for (const piece of out) yield piece;
    }
  }
}

export async function readEntry(handle: FileHandle, entry: ZipEntry, budget?: InflateBudget): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of inflateEntry(handle, entry, budget)) pieces.push(piece);
  return Buffer.concat(pieces);
}
