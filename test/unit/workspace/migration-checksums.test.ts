import { expect, test } from 'vitest';
import { migrationChecksums } from '../../../electron/workspace/migrations/checksums';
import { migrations } from '../../../electron/workspace/migrations';
// @ts-expect-error: a plain .mjs script, run by node as well
import { migrationFileChecksums } from '../../../scripts/migration-checksums.mjs';

test('every migration file still has the checksum recorded when it was added (released migrations are never edited)', () => {
  const files = migrationFileChecksums() as { version: number; file: string; sha256: string }[];
  expect(files.map((f) => f.version)).toEqual(migrations.map((m) => m.version));
  for (const f of files) expect({ file: f.file, sha256: migrationChecksums.get(f.version) }).toEqual({ file: f.file, sha256: f.sha256 });
});

test('migrations are numbered from 1 without gaps', () => {
  expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
});
