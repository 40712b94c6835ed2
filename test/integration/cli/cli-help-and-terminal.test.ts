import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { commands, runCli } from '../../../electron/cli';
import { adminPassword, tempDir } from '../../support/temp-workspace';

const root = join(import.meta.dirname, '..', '..', '..');
const { dir, cleanup } = tempDir();
afterAll(cleanup);
const cliArgs = ['--import', 'tsx', join(root, 'electron/cli.ts')];

function atelier(args: string[], env: Record<string, string> = {}, input = '') {
  const result = spawnSync(process.execPath, [...cliArgs, ...args], {
    cwd: root,
    env: { ...process.env, ATELIER_PASSWORD: '', ...env },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('atelier --help and atelier COMMAND --help print French usage and exit 0', async () => {
  const help = atelier(['--help']);
  expect(help.code).toBe(0);
  expect(help.out).toContain('Utilisation : atelier COMMANDE');
  for (const name of Object.keys(commands)) expect(help.out).toContain(`  ${name} `);
  // Whatever else is on the line, --help wins, even without a workspace.
  const importHelp = atelier(['import', 'fichier.csv', '--help']);
  expect(importHelp).toMatchObject({ code: 0, err: '', out: expect.stringContaining(`Utilisation : atelier ${commands.import!.usage}`) });
  // A wrong option: French, not node:util's English, and the usage exit code.
  const wrong = atelier(['export', '--frobnicate']);
  expect(wrong.code).toBe(64);
  expect(wrong.err).toContain('Option inconnue : --frobnicate');
  expect(wrong.err).not.toContain('Unknown option');

  // Every command and flag, through the same entry point in this process (a spawn costs seconds).
  for (const argv of [['-h'], ['help'], ...Object.keys(commands).flatMap((name) => [[name, '--help'], [name, '-h'], ['help', name]])]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readPassword: async () => '', env: {} });
    expect({ argv, code, err }).toEqual({ argv, code: 0, err: [] });
    const name = argv.find((a) => Object.hasOwn(commands, a));
    expect(out.join('\n')).toContain(name ? `Utilisation : atelier ${commands[name]!.usage}` : 'Utilisation : atelier COMMANDE');
  }
  const missingValue: string[] = [];
  await runCli(['export', '--workspace'], { out: () => {}, err: (l) => missingValue.push(l), readPassword: async () => '', env: {} });
  expect(missingValue.join('\n')).toContain("L'option --workspace attend une valeur.");
}, 60_000);

test('names from data cannot drive the terminal; labels are French, not catalog keys', () => {
  const workspace = join(dir, 'terminal.atelier');
  expect(atelier(['init', '--workspace', workspace, '--admin', 'marie'], { ATELIER_PASSWORD: adminPassword }).code).toBe(0);
  const asMarie = { ATELIER_PASSWORD: adminPassword, ATELIER_USER: 'marie', ATELIER_WORKSPACE: workspace };
  const csv = join(dir, 'budget.csv');
  writeFileSync(csv, 'Code;Montant\nA;1\n');
  const hostileName = 'Budget\u001b[2J\u001b]0;piégé\u0007\u009b31m\nFAUSSE LIGNE';
  const imported = atelier(['import', csv, '--name', hostileName], asMarie);
  expect(imported.code, imported.err).toBe(0);
  for (const output of [imported.out, atelier(['datasets', 'list'], asMarie).out]) {
    expect(output).toContain('Budget[2J]0;piégé31mFAUSSE LIGNE');
    expect(output).not.toMatch(/[\u001b\u0007\u009b]/);
  }
  const json = atelier(['datasets', 'list', '--json'], asMarie);
  expect(json.out).not.toMatch(/[\u001b\u0007\u009b]/);
  expect(JSON.parse(json.out)[0].name).toBe(hostileName);

  const users = atelier(['users', 'list'], asMarie);
  expect(users.out).toContain('marie\tAdministrateur');
  expect(users.out).not.toMatch(/app\.|admin\./);
}, 60_000);

// The terminal is a real pseudo-terminal (util-linux `script`): its line discipline echoes
// whatever is typed unless the program turns echo off.
test('a password typed at a terminal is not echoed', async () => {
  const workspace = join(dir, 'tty.atelier');
  expect(atelier(['init', '--workspace', workspace, '--admin', 'marie'], { ATELIER_PASSWORD: adminPassword }).code).toBe(0);
  const command = [process.execPath, ...cliArgs, 'datasets', 'list', '--workspace', workspace, '--user', 'marie']
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: root, env: { ...process.env, ATELIER_PASSWORD: '' } });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    if (screen.includes('Mot de passe : ') && !typed) {
      typed = true;
      child.stdin.write(`${adminPassword}\r`);
    }
  });
  let typed = false;
  const code = await new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
  expect(screen).toContain('Aucun jeu de données');
  expect(screen).not.toContain(adminPassword);
  expect(code).toBe(0);
}, 60_000);
