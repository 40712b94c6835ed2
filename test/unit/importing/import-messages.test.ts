import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { hasMessage } from '../../../shared/i18n/catalog';

// Every reason and warning the import can send has its sentence (the page shows the code
// otherwise): the codes are read from the sources, where they are written out.
test('every importing reason and warning code has a sentence', () => {
  const dir = join(import.meta.dirname, '..', '..', '..', 'electron', 'importing');
  const sources = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const warnings = [...sources.matchAll(/'importing\.warnings\.([a-z_]+)'/g)].map((m) => `importing.warnings.${m[1]}`);
  // Reasons are built as message('code'): their names are the literal first arguments.
  const inference = readFileSync(join(dir, 'type-inference.ts'), 'utf8');
  const reasons = [...inference.matchAll(/message\((?:[^'()]*\? )?'([a-z_]+)'(?: : '([a-z_]+)')?/g)].flatMap((m) =>
    [m[1], m[2]].filter(Boolean).map((code) => `importing.reasons.${code}`),
  );
  const codes = [...new Set([...warnings, ...reasons, 'importing.reasons.override'])];
  expect(reasons.length).toBeGreaterThan(10);
  expect(codes.filter((code) => !hasMessage(code))).toEqual([]);
});
