import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';

// Windows reports a file held open by Excel as EBUSY or EPERM (EACCES on some shares): the
// agent must close it there, which only a specific message tells them.
const lockedCodes = new Set(['EBUSY', 'EPERM', 'EACCES']);

export async function openSourceFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const fileName = basename(path);
    if (lockedCodes.has(code)) throw new AppError('files.locked', { fileName });
    if (code === 'ENOENT' || code === 'EISDIR') throw new AppError('files.not_found', { fileName });
    throw error;
  }
}

export async function withSourceFile<T>(path: string, work: (handle: FileHandle) => Promise<T>): Promise<T> {
  const handle = await openSourceFile(path);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

export async function readBytesAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
