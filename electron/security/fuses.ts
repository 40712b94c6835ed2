import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

// Electron's fuses, flipped in the packaged binary itself (electron-builder afterPack, see
// after-pack.ts), so no command line or environment can turn these back on:
// - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node interpreter
//   that runs any script with the app's rights (and its keychain entry);
// - NODE_OPTIONS and --inspect off: no code injected at start, no debugger attached;
// - the app loads only from its asar archive, whose integrity is checked at start.
export const fuseSettings = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const;

export function fuseConfig(platform: string, arch: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    // Flipping fuses changes the binary: on Apple silicon its ad-hoc signature must be redone
    // or macOS refuses to start it.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
    ...fuseSettings,
  };
}
