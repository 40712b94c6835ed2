import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { adminPassword, tempDir } from '../../support/temp-workspace';

const root = join(import.meta.dirname, '..', '..', '..');
const { dir, cleanup } = tempDir();
afterAll(cleanup);
const workspace = join(dir, 'audit.atelier');

function atelier(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ATELIER_PASSWORD: '' },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('atelier audit verify: intact, then truncated, in French and as JSON, exit 0 then 1', () => {
  expect(atelier(['init', '--workspace', workspace, '--admin', 'marie'], `${adminPassword}\n`).code).toBe(0);
  const intact = atelier(['audit', 'verify', '--workspace', workspace, '--json']);
  expect(intact.code).toBe(0);
  expect(JSON.parse(intact.out)).toEqual({ ok: true, checked: 2, rows: 2, expected: 2, firstBrokenId: null, keyMissing: false, problem: null });
  expect(atelier(['audit', 'verify', '--workspace', workspace]).out).toContain("Journal d'audit intact : 2 entrées vérifiées");

  const raw = new Database(workspace);
  raw.exec('DELETE FROM audit WHERE id = 2');
  raw.close();
  const truncated = atelier(['audit', 'verify', '--workspace', workspace, '--json']);
  expect(truncated.code).toBe(1);
  expect(JSON.parse(truncated.out)).toMatchObject({ ok: false, rows: 1, expected: 2, problem: 'rows_missing' });
  const human = atelier(['audit', 'verify', '--workspace', workspace]);
  expect(human).toMatchObject({ code: 1, out: expect.stringContaining('des entrées récentes ont été supprimées') });
  expect(atelier(['audit', 'purge', '--workspace', workspace]).code).toBe(64);
  // Each run starts a Node process through tsx: a few seconds each on a busy machine.
}, 180_000);
