import { join } from 'node:path';

// The sample files the tests read, inside the repository (origins and licences in
// test/fixtures/SOURCES.md), so that a plain clone passes its tests.
export const samplesDir = join(import.meta.dirname, '..', 'fixtures');
export const sample = (relativePath: string) => join(samplesDir, relativePath);
