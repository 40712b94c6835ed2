// `npm test`: what a fresh machine needs for the end-to-end tests (Debian's Chromium), a
// build, then the unit and integration tests, then the end-to-end tests in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = '/usr/bin/chromium';
const vitest = join(root, 'node_modules/vitest/vitest.mjs');

const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0;
const node = (args) => run(process.execPath, args);

function ensureChromium() {
  if (existsSync(chromium)) return true;
  if (process.getuid?.() === 0) {
    console.log('Installation de Chromium (Debian) pour les tests de bout en bout…');
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    if (existsSync(chromium)) return true;
  }
  console.error(
    `Chromium est introuvable (${chromium}) : les tests de bout en bout ne peuvent pas tourner.\n` +
      'Installez-le avec « sudo apt-get install -y chromium » (Debian, Ubuntu), puis relancez « npm test ».',
  );
  return false;
}

// Each vitest run also writes a JSON report, so the last line can count every test.
const reports = mkdtempSync(join(tmpdir(), 'atelier-test-reports-'));
const counts = { passed: 0, failed: 0, skipped: 0 };
function vitestRun(name, extra) {
  const report = join(reports, `${name}.json`);
  const ok = node([vitest, 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed += result.numPassedTests;
    counts.failed += result.numFailedTests;
    counts.skipped += result.numPendingTests + result.numTodoTests;
  }
  return ok;
}

const steps = [
  ['build', () => node(['scripts/build.mjs'])],
  ['unit and integration tests', () => vitestRun('unit', [])],
  ['end-to-end tests', () => ensureChromium() && vitestRun('e2e', ['--config', 'vitest.e2e.config.ts'])],
];

const failed = [];
for (const [name, step] of steps) {
  if (!step()) failed.push(name);
  // Without a build there is nothing to test.
  if (failed.includes('build')) break;
}
rmSync(reports, { recursive: true, force: true });
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
if (failed.length > 0) {
  console.error(`npm test: failed: ${failed.join(', ')}`);
  process.exit(1);
}
