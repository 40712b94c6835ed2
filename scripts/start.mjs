// `npm start`: builds if needed, then opens the desktop window; where Electron cannot run
// (its binary could not be downloaded, no display), serves the same page in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const run = (cmd, args, options = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });

if (!existsSync(join(root, 'dist/electron/browser-mode.mjs')) || process.env.ATELIER_REBUILD === '1') {
  if (run(process.execPath, ['scripts/build.mjs']).status !== 0) process.exit(1);
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

// The binary is skipped at `npm install` (see allowScripts): fetch it on first start, where
// the network allows it.
function ensureElectron() {
  if (electronBinary()) return electronBinary();
  const installer = join(root, 'node_modules/electron/install.js');
  if (existsSync(installer)) run(process.execPath, [installer], { stdio: 'ignore', timeout: 120_000 });
  return electronBinary();
}

// better-sqlite3 in node_modules stays built for Node (tests, CLI, browser mode). The desktop
// window gets its own copy built for Electron's ABI in dist/native, loaded through
// ATELIER_SQLITE_BINDING.
// npm runs this script with the path of its bundled node-gyp in the environment.
function nodeGyp(args, env = process.env) {
  const bundled = process.env.npm_config_node_gyp;
  return bundled
    ? run(process.execPath, [bundled, ...args], { stdio: 'ignore', env })
    : run('npx', ['--yes', 'node-gyp', ...args], { stdio: 'ignore', env });
}

function electronSqliteBinding(electronVersion) {
  const out = join(root, 'dist/native', `better_sqlite3-electron-${electronVersion}.node`);
  if (existsSync(out)) return out;
  const src = join(root, 'node_modules/better-sqlite3');
  const build = nodeGyp(
    ['rebuild', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--directory=${src}`, '--release'],
    { ...process.env, npm_config_runtime: 'electron' },
  );
  if (build.status !== 0) return null;
  run('mkdir', ['-p', join(root, 'dist/native')]);
  run('cp', [join(src, 'build/Release/better_sqlite3.node'), out]);
  // Put the Node build back for the tests and the CLI.
  nodeGyp(['rebuild', `--directory=${src}`, '--release']);
  return out;
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const electron = hasDisplay ? ensureElectron() : null;
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const binding = electron ? electronSqliteBinding(electronVersion) : null;

if (electron && binding) {
  const child = spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, ATELIER_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    electron
      ? "Le module SQLite n'a pas pu être compilé pour Electron : ouverture en mode navigateur."
      : "Electron n'est pas disponible sur cette machine : l'application s'ouvre en mode navigateur (adresse ci-dessous).",
  );
  const child = spawn(process.execPath, [join(root, 'dist/electron/browser-mode.mjs'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
