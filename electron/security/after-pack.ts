import { flipFuses } from '@electron/fuses';
import { join } from 'node:path';
import { fuseConfig } from './fuses';

// electron-builder's afterPack hook (electron-builder.yml), bundled by scripts/build.mjs to
// dist/electron/after-pack.cjs (which the packaged app does not contain): flips the fuses
// of fuses.ts in the binary electron-builder just laid out, before it is signed.
export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  // electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal.
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export function packagedBinary(context: AfterPackContext): string {
  const product = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${product}.app`);
    case 'win32':
      return join(context.appOutDir, `${product}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName ?? product);
  }
}

export async function afterPack(context: AfterPackContext, flip: typeof flipFuses = flipFuses): Promise<void> {
  await flip(packagedBinary(context), fuseConfig(context.electronPlatformName, archNames[context.arch] ?? 'unknown'));
}

export default afterPack;
