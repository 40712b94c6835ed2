import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { FileStore } from '../../../electron/files/file-store';
import { AppError } from '../../../shared/errors';

let store: FileStore | undefined;
afterEach(() => store?.dispose());

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? error : undefined;
  }
  return undefined;
};

test('a declared size past the per-file cap is refused before anything is written', () => {
  store = new FileStore();
  expect(refusal(() => store!.startUpload('budget.csv', 1e15, 1))).toMatchObject({ code: 'files.too_large', params: { fileName: 'budget.csv', max: '2 Go' } });
  store.dispose();
  store = new FileStore({ maxFileBytes: 1000 });
  expect(refusal(() => store!.startUpload('budget.csv', 1001, 1))?.code).toBe('files.too_large');
  expect(typeof store.startUpload('budget.csv', 1000, 1)).toBe('string');
});

test('uploads under way may not declare more than the total cap together', () => {
  store = new FileStore({ maxFileBytes: 1000, maxTotalBytes: 1500 });
  store.startUpload('a.csv', 1000, 1);
  expect(refusal(() => store!.startUpload('b.csv', 600, 1))?.code).toBe('files.too_large');
  expect(typeof store.startUpload('c.csv', 500, 1)).toBe('string');
});

test('a long Unicode file name is shortened by bytes on disk and kept whole for the agent', () => {
  store = new FileStore();
  const fileName = `${'Délibérations du conseil communautaire — '.repeat(12)}.xlsx`;
  const uploadId = store.startUpload(fileName, 3, 1);
  store.appendChunk(uploadId, 0, Buffer.from('abc'));
  const file = store.resolve(store.finishUpload(uploadId));
  expect(file.fileName).toBe(fileName);
  expect(existsSync(file.path)).toBe(true);
  expect(Buffer.byteLength(basename(file.path))).toBeLessThan(200);
  expect(file.path.endsWith('.xlsx')).toBe(true);
});
