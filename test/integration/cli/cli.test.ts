import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { adminPassword, tempDir } from '../../support/temp-workspace';

const root = join(import.meta.dirname, '..', '..', '..');
const { dir, cleanup } = tempDir();
afterAll(cleanup);
const workspace = join(dir, 'cli.atelier');

// The real command, as a person types it (through tsx from the sources).
function atelier(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ATELIER_PASSWORD: '', ...env },
    input: input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('init, users add/list/disable, datasets list, with French errors and exit codes', () => {
  expect(atelier(['init', '--workspace', workspace, '--admin', 'marie'], {}, 'court\n')).toMatchObject({
    code: 1,
    err: expect.stringContaining('au moins 12 caractères'),
  });
  expect(existsSync(workspace)).toBe(false);

  const init = atelier(['init', '--workspace', workspace, '--admin', 'marie', '--json'], {}, `${adminPassword}\n`);
  expect(init.code).toBe(0);
  expect(JSON.parse(init.out).admin).toMatchObject({ name: 'marie', role: 'admin' });

  const asMarie = { ATELIER_PASSWORD: adminPassword };
  const add = atelier(['users', 'add', 'paul', '--role', 'agent', '--workspace', workspace, '--user', 'marie'], {
    ...asMarie,
    ATELIER_NEW_PASSWORD: 'un autre mot de passe',
  });
  expect(add).toMatchObject({ code: 0, out: expect.stringContaining('paul') });

  const list = atelier(['users', 'list', '--workspace', workspace, '--user', 'marie', '--json'], asMarie);
  expect(JSON.parse(list.out).map((u: { name: string }) => u.name)).toEqual(['marie', 'paul']);

  // An agent may not manage users: same role error as the UI.
  const asPaul = atelier(['users', 'list', '--workspace', workspace, '--user', 'paul'], {
    ATELIER_PASSWORD: 'un autre mot de passe',
  });
  expect(asPaul).toMatchObject({ code: 1, err: expect.stringContaining('ne permet pas cette action') });

  expect(atelier(['users', 'disable', 'paul', '--workspace', workspace, '--user', 'marie'], asMarie).code).toBe(0);
  const datasets = atelier(['datasets', 'list', '--workspace', workspace, '--user', 'marie', '--json'], asMarie);
  expect(JSON.parse(datasets.out)).toEqual([]);

  expect(atelier(['datasets', 'list', '--workspace', join(dir, 'absent.atelier'), '--user', 'marie'], asMarie)).toMatchObject({
    code: 1,
    err: expect.stringContaining('Aucun espace de travail'),
  });
  expect(atelier(['frobnicate'])).toMatchObject({ code: 64, err: expect.stringContaining('Commande inconnue') });
});
