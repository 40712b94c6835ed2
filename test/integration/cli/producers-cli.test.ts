import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { adminPassword, tempDir, userPassword } from '../../support/temp-workspace';

const root = join(import.meta.dirname, '..', '..', '..');
const { dir, cleanup } = tempDir();
afterAll(cleanup);
const workspace = join(dir, 'cli.atelier');

function atelier(args: string[], env: Record<string, string> = {}, input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ATELIER_PASSWORD: adminPassword, ATELIER_USER: 'marie', ...env },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('atelier producers: import an EPCI by name, add one by hand, manage members, in French with exit codes', () => {
  expect(atelier(['init', '--workspace', workspace, '--admin', 'marie'], { ATELIER_PASSWORD: '' }, `${adminPassword}\n`).code).toBe(0);
  const ws = ['--workspace', workspace];
  expect(atelier(['users', 'add', 'paul', '--role', 'agent', ...ws], { ATELIER_NEW_PASSWORD: adminPassword }).code).toBe(0);
  // A password an admin set is provisional: Paul replaces it before anything else.
  expect(atelier(['password', ...ws, '--user', 'paul'], { ATELIER_NEW_PASSWORD: userPassword }).code).toBe(0);
  const paul = { ATELIER_PASSWORD: userPassword };

  // A name that designates several EPCI is refused with the candidates and their SIREN.
  const ambiguous = atelier(['producers', 'import-epci', 'métropole', ...ws]);
  expect(ambiguous).toMatchObject({ code: 64, err: expect.stringContaining('Plusieurs EPCI correspondent') });
  const imported = atelier(['producers', 'import-epci', 'Faucigny', ...ws, '--json']);
  expect(imported.code, imported.err).toBe(0);
  expect(JSON.parse(imported.out)).toMatchObject({ epci: { name: 'CC Faucigny - Glières', code: '200000172' }, created: 8 });

  const added = atelier(['producers', 'add', 'Syndicat', 'des', 'eaux', '--kind', 'other', ...ws]);
  expect(added).toMatchObject({ code: 0, out: expect.stringContaining('Producteur créé : ') });
  expect(atelier(['producers', 'add', 'Bonneville', '--kind', 'commune', '--code', '74042', ...ws])).toMatchObject({
    code: 1,
    err: expect.stringContaining('Le code 74042 est déjà celui du producteur « Bonneville »'),
  });
  const list = JSON.parse(atelier(['producers', 'list', ...ws, '--json']).out) as { id: number; name: string }[];
  const bonneville = list.find((p) => p.name === 'Bonneville')!;
  expect(list.map((p) => p.name)).toContain('Syndicat des eaux');

  const member = atelier(['producers', 'members', String(bonneville.id), 'add', 'paul', '--role', 'reviewer', ...ws]);
  expect(member).toMatchObject({ code: 0, out: expect.stringContaining('paul\tRelecteur') });
  // Paul (created after the workspace, so in no producer until now) sees only Bonneville, and
  // may not manage it.
  const asPaul = atelier(['producers', 'list', ...ws, '--user', 'paul', '--json'], paul);
  expect(JSON.parse(asPaul.out).map((p: { name: string; myRole: string }) => [p.name, p.myRole])).toEqual([['Bonneville', 'reviewer']]);
  expect(atelier(['producers', 'members', String(bonneville.id), ...ws, '--user', 'paul'], paul)).toMatchObject({
    code: 1,
    err: expect.stringContaining('ne permet pas cette action'),
  });
  expect(atelier(['producers', 'members', String(bonneville.id), 'remove', 'paul', ...ws])).toMatchObject({ code: 0, out: 'Aucun membre.\n' });
  expect(atelier(['producers', 'members', 'x', ...ws])).toMatchObject({ code: 64, err: expect.stringContaining('numéro du producteur') });
  // Each command is a process of its own: slow on a loaded machine.
}, 240_000);
