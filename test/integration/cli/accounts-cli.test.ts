import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { lockAfter } from '../../../electron/session/sign-in-guard';
import { adminPassword, tempDir } from '../../support/temp-workspace';

const root = join(import.meta.dirname, '..', '..', '..');
const { dir, cleanup } = tempDir();
afterAll(cleanup);
const workspace = join(dir, 'accounts.atelier');

function atelier(args: string[], env: Record<string, string> = {}, input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli.ts'), ...args, '--workspace', workspace], {
    cwd: root,
    env: { ...process.env, ATELIER_PASSWORD: '', ATELIER_NEW_PASSWORD: '', ...env },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const asMarie = { ATELIER_PASSWORD: adminPassword };

test('accounts from the command line: provisional password, own change, role, unlock, reset', () => {
  expect(atelier(['init', '--admin', 'marie'], {}, `${adminPassword}\n`).code).toBe(0);
  expect(atelier(['users', 'add', 'paul', '--role', 'agent', '--user', 'marie'], { ...asMarie, ATELIER_NEW_PASSWORD: 'provisoire paul' })).toMatchObject({
    code: 0,
    out: expect.stringContaining('provisoire'),
  });
  // A provisional password opens nothing but the change.
  expect(atelier(['datasets', 'list', '--user', 'paul'], { ATELIER_PASSWORD: 'provisoire paul' })).toMatchObject({
    code: 1,
    err: expect.stringContaining('choisissez-en un nouveau'),
  });
  expect(atelier(['password', '--user', 'paul'], { ATELIER_PASSWORD: 'provisoire paul' })).toMatchObject({ code: 64 });
  expect(atelier(['password', '--user', 'paul'], { ATELIER_PASSWORD: 'provisoire paul', ATELIER_NEW_PASSWORD: 'le mot de paul' })).toMatchObject({
    code: 0,
    out: 'Mot de passe changé pour paul.\n',
  });
  expect(atelier(['datasets', 'list', '--user', 'paul', '--json'], { ATELIER_PASSWORD: 'le mot de paul' })).toMatchObject({ code: 0, out: '[]\n' });

  expect(atelier(['users', 'set-role', 'paul', '--role', 'reviewer', '--user', 'marie'], asMarie)).toMatchObject({
    code: 0,
    out: expect.stringContaining('Relecteur'),
  });
  expect(atelier(['users', 'set-role', 'marie', '--role', 'agent', '--user', 'marie'], asMarie)).toMatchObject({
    code: 1,
    err: expect.stringContaining('dernier administrateur'),
  });
  expect(atelier(['users', 'set-role', 'paul', '--role', 'roi', '--user', 'marie'], asMarie).code).toBe(64);

  for (let i = 0; i < lockAfter; i++) atelier(['datasets', 'list', '--user', 'paul'], { ATELIER_PASSWORD: `faux ${i}` });
  expect(atelier(['datasets', 'list', '--user', 'paul'], { ATELIER_PASSWORD: 'le mot de paul' })).toMatchObject({
    code: 1,
    err: expect.stringContaining('verrouillé'),
  });
  expect(atelier(['users', 'list', '--user', 'marie'], asMarie).out).toContain('Verrouillé');
  expect(atelier(['users', 'unlock', 'paul', '--user', 'marie'], asMarie).code).toBe(0);
  expect(atelier(['datasets', 'list', '--user', 'paul'], { ATELIER_PASSWORD: 'le mot de paul' }).code).toBe(0);

  expect(atelier(['users', 'reset-password', 'paul', '--user', 'marie'], { ...asMarie, ATELIER_NEW_PASSWORD: 'nouveau provisoire' }).code).toBe(0);
  expect(atelier(['datasets', 'list', '--user', 'paul'], { ATELIER_PASSWORD: 'le mot de paul' }).code).toBe(1);
  expect(atelier(['datasets', 'list', '--user', 'paul'], { ATELIER_PASSWORD: 'nouveau provisoire' })).toMatchObject({
    code: 1,
    err: expect.stringContaining('choisissez-en un nouveau'),
  });
}, 180_000);
