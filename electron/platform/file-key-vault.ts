import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir, privateFileMode } from './private-files';
import { checkKeyName, type KeyLookup, type KeyProtector, type KeyVault } from './key-vault';

// One file per key, `<name>.key`, mode 0600 in a 0700 folder. Its `protection` says how the
// bytes are stored: 'file' (in clear, guarded by the file mode) or the protector's name.
const keyFile = z.object({ v: z.literal(1), protection: z.string(), key: z.string() });
const keyBytes = 32;
const fileProtection = 'file';
// The key that seals secrets when no OS keychain is at hand.
const secretsKeyName = 'secrets';

export class FileKeyVault implements KeyVault {
  constructor(
    readonly dir: string,
    private readonly protector: KeyProtector | null = null,
  ) {}

  async key(name: string, options: { create: boolean }): Promise<KeyLookup> {
    const protector = this.protector;
    if (!protector) return this.keySync(name, options);
    const stored = this.read(name);
    if (stored === null) {
      if (!options.create) return { state: 'missing' };
      const key = randomBytes(keyBytes);
      const sealed = (await protector.protect(key)).toString('base64');
      return this.create(name, key, { v: 1, protection: protector.name, key: sealed }) ?? this.key(name, { create: false });
    }
    if (stored.protection === fileProtection) return { state: 'present', key: Buffer.from(stored.key, 'base64') };
    if (protector.name !== stored.protection) return { state: 'unavailable' };
    try {
      return { state: 'present', key: await protector.unprotect(Buffer.from(stored.key, 'base64')) };
    } catch {
      return { state: 'unavailable' };
    }
  }

  // Without a protector every key is a plain file, so it can be read without waiting: the
  // service host opens synchronously in browser mode and the CLI.
  keySync(name: string, options: { create: boolean }): KeyLookup {
    if (this.protector) throw new Error('keySync: this vault wraps its keys, use key()');
    const stored = this.read(name);
    if (stored === null) {
      if (!options.create) return { state: 'missing' };
      const key = randomBytes(keyBytes);
      return this.create(name, key, { v: 1, protection: fileProtection, key: key.toString('base64') }) ?? this.keySync(name, { create: false });
    }
    return stored.protection === fileProtection ? { state: 'present', key: Buffer.from(stored.key, 'base64') } : { state: 'unavailable' };
  }

  async encrypt(secret: string): Promise<string> {
    if (this.protector) return `os:${(await this.protector.protect(Buffer.from(secret, 'utf8'))).toString('base64')}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.secretsKey(), iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `file:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  async decrypt(sealed: string): Promise<string> {
    const [kind, data] = [sealed.slice(0, sealed.indexOf(':')), Buffer.from(sealed.slice(sealed.indexOf(':') + 1), 'base64')];
    if (kind === 'os' && this.protector) return (await this.protector.unprotect(data)).toString('utf8');
    if (kind !== 'file') throw new Error('secret sealed by another vault');
    const decipher = createDecipheriv('aes-256-gcm', await this.secretsKey(), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
  }

  private async secretsKey(): Promise<Buffer> {
    const found = await this.key(secretsKeyName, { create: true });
    if (found.state !== 'present') throw new Error('secrets key unavailable');
    return found.key;
  }

  private path(name: string): string {
    return join(this.dir, `${checkKeyName(name)}.key`);
  }

  private read(name: string): z.infer<typeof keyFile> | null {
    let text: string;
    try {
      text = readFileSync(this.path(name), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = keyFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`unreadable key file ${this.path(name)}`);
    return parsed.data;
  }

  // null when the file already exists: two processes may create the first key at once, and
  // the one that loses reads the winner's.
  private create(name: string, key: Buffer, content: z.infer<typeof keyFile>): KeyLookup | null {
    ensurePrivateDir(this.dir);
    // Written aside, then linked into place: link() fails if the name exists, and a reader
    // never sees a half-written file.
    const aside = `${this.path(name)}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(aside, JSON.stringify(content), { flag: 'wx', mode: privateFileMode });
    try {
      linkSync(aside, this.path(name));
      return { state: 'present', key };
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') return null;
      throw error;
    } finally {
      rmSync(aside, { force: true });
    }
  }
}
