import { FuseV1Options } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildOptions, builderOnlyEntries } from '../../../scripts/build-options.mjs';
import { afterPack, packagedBinary, type AfterPackContext } from '../../../electron/security/after-pack';
import { isPackagedLocation, keychainUsable, shellSettings, sqliteNativeBinding } from '../../../electron/security/app-policy';
import { eventRecipients } from '../../../electron/security/event-recipients';
import { fuseConfig } from '../../../electron/security/fuses';

const root = join(import.meta.dirname, '..', '..', '..');

test.each([
  ['/opt/Atelier Open Data/resources/app.asar/dist/electron/main.cjs', true],
  ['/opt/Atelier Open Data/resources/app.asar.unpacked/dist/electron/service-worker.mjs', true],
  ['C:\\Program Files\\Atelier\\resources\\app.asar.unpacked\\dist\\electron\\import-worker.mjs', true],
  ['/home/marie/atelier/dist/electron/service-worker.mjs', false],
  ['/home/marie/atelier/electron/workspace/open-workspace.ts', false],
  ['/home/marie/app.asarx/dist/electron/main.cjs', false],
])('%s is a packaged build: %s', (path, packaged) => {
  expect(isPackagedLocation(path)).toBe(packaged);
});

test('ATELIER_SQLITE_BINDING is honoured in development only', () => {
  const env = { ATELIER_SQLITE_BINDING: '/tmp/evil.node' };
  expect(sqliteNativeBinding(env, false)).toBe('/tmp/evil.node');
  expect(sqliteNativeBinding(env, true)).toBeUndefined();
  expect(sqliteNativeBinding({}, false)).toBeUndefined();
});

test('a packaged build has neither developer tools nor the default menu', () => {
  expect(shellSettings(true)).toEqual({ devTools: false, defaultMenu: false });
  expect(shellSettings(false)).toEqual({ devTools: true, defaultMenu: true });
});

test('the keychain is used only when it is a real one', () => {
  expect(keychainUsable(true, 'gnome_libsecret')).toBe(true);
  expect(keychainUsable(true, 'os')).toBe(true);
  expect(keychainUsable(true, 'basic_text')).toBe(false);
  expect(keychainUsable(false, 'kwallet5')).toBe(false);
});

test('events go only to sessions with someone signed in', () => {
  const sessions = new Map([
    ['window-1', { user: { id: 1, name: 'marie', role: 'admin' as const, mustChangePassword: false, credentialsVersion: 1 } }],
    ['window-2', { user: null }],
  ]);
  expect(eventRecipients(sessions)).toEqual(['window-1']);
});

test('the fuses: no run-as-node, no NODE_OPTIONS, no inspect, asar only and checked', () => {
  const config = fuseConfig('linux', 'x64');
  expect(config).toMatchObject({
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    resetAdHocDarwinSignature: false,
  });
  expect(fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
});

test('the afterPack hook flips those fuses in the binary electron-builder laid out', async () => {
  const context = (electronPlatformName: string, arch: number): AfterPackContext => ({
    appOutDir: '/out',
    electronPlatformName,
    arch,
    packager: { appInfo: { productFilename: 'Atelier Open Data' }, executableName: 'atelier-open-data' },
  });
  expect(packagedBinary(context('linux', 1))).toBe('/out/atelier-open-data');
  expect(packagedBinary(context('win32', 1))).toBe(join('/out', 'Atelier Open Data.exe'));
  expect(packagedBinary(context('darwin', 3))).toBe(join('/out', 'Atelier Open Data.app'));
  const flipped: [string, unknown][] = [];
  await afterPack(context('darwin', 3), async (path, config) => {
    flipped.push([path, config]);
    return 0;
  });
  expect(flipped).toEqual([[join('/out', 'Atelier Open Data.app'), fuseConfig('darwin', 'arm64')]]);
});

// electron-builder.yml as electron-builder reads it: top-level keys and the `files` list.
function builderConfig(): { afterPack: string | null; files: string[] } {
  const lines = readFileSync(join(root, 'electron-builder.yml'), 'utf8').split('\n');
  const afterPackLine = lines.find((l) => l.startsWith('afterPack:'));
  const start = lines.indexOf('files:');
  const files: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const item = /^\s+-\s+"?([^"]+)"?\s*$/.exec(line);
    if (item) files.push(item[1]!);
  }
  return { afterPack: afterPackLine ? afterPackLine.slice('afterPack:'.length).trim() : null, files };
}

test('packaged builds carry no source maps and not the afterPack hook; the hook is built and wired', () => {
  const config = builderConfig();
  expect(config.files).toContain('!**/*.map');
  expect(config.files).toContain('!dist/electron/after-pack.cjs');
  expect(config.afterPack).toBe('dist/electron/after-pack.cjs');
  expect(builderOnlyEntries).toContain('electron/security/after-pack.ts');
  expect(buildOptions(['--release'])).toEqual({ release: true, sourcemap: false });
  expect(buildOptions([])).toEqual({ release: false, sourcemap: true });
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts.dist).toMatch(/^node scripts\/build\.mjs --release && electron-builder /);
});
