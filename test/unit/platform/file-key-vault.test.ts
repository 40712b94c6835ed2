import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FileKeyVault } from '../../../electron/platform/file-key-vault';
import { fakeKeychain } from '../../support/fake-keychain';
import { tempDir } from '../../support/temp-workspace';

test('a named key is created once, 32 random bytes in a 0600 file of a 0700 folder, and found again', async () => {
  const { dir, cleanup } = tempDir();
  const keys = join(dir, 'keys');
  const vault = new FileKeyVault(keys);
  expect(await vault.key('espace-1', { create: false })).toEqual({ state: 'missing' });
  const created = await vault.key('espace-1', { create: true });
  expect(created.state).toBe('present');
  expect(await vault.key('espace-1', { create: true })).toEqual(created);
  expect(new FileKeyVault(keys).keySync('espace-1', { create: false })).toEqual(created);
  expect(created.state === 'present' && created.key.length).toBe(32);
  expect(statSync(keys).mode & 0o777).toBe(0o700);
  expect(statSync(join(keys, 'espace-1.key')).mode & 0o777).toBe(0o600);
  await expect(vault.key('../evil', { create: true })).rejects.toThrow(/bad key name/);
  cleanup();
});

test('a key wrapped by the keychain is stored wrapped, and unavailable to a process without it', async () => {
  const { dir, cleanup } = tempDir();
  const wrapped = new FileKeyVault(dir, fakeKeychain);
  const created = await wrapped.key('espace-2', { create: true });
  if (created.state !== 'present') throw new Error('no key');
  const stored = JSON.parse(readFileSync(join(dir, 'espace-2.key'), 'utf8')) as { protection: string; key: string };
  expect(stored.protection).toBe('test-keychain');
  expect(Buffer.from(stored.key, 'base64').equals(created.key)).toBe(false);
  expect(await new FileKeyVault(dir, fakeKeychain).key('espace-2', { create: false })).toEqual(created);
  // The CLI has no fakeKeychain: it must say so, not make a second key.
  expect(new FileKeyVault(dir).keySync('espace-2', { create: true })).toEqual({ state: 'unavailable' });
  cleanup();
});

test('secrets round-trip, sealed so the stored text does not contain them', async () => {
  const { dir, cleanup } = tempDir();
  for (const vault of [new FileKeyVault(dir), new FileKeyVault(join(dir, 'os'), fakeKeychain)]) {
    const sealed = await vault.encrypt('clé-api-portail-1234');
    expect(sealed).not.toContain('1234');
    expect(await vault.decrypt(sealed)).toBe('clé-api-portail-1234');
  }
  const plain = new FileKeyVault(dir);
  const sealed = await plain.encrypt('secret');
  await expect(plain.decrypt(sealed.slice(0, -4) + 'AAAA')).rejects.toThrow();
  cleanup();
});
