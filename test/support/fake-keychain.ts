import type { KeyProtector } from '../../electron/platform/key-vault';

// Stands for the OS keychain (Electron safeStorage in the main process): reversible, and
// visibly not the plain bytes.
export const fakeKeychain: KeyProtector = {
  name: 'test-keychain',
  protect: async (plain) => Buffer.from(plain.map((b) => b ^ 0x5a)),
  unprotect: async (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)),
};
