// What `npm run build` produces, by purpose. `--release` (used by `npm run dist`) is what
// gets packaged: no source maps, which would ship the whole source next to the bundles; a
// development build keeps them for stack traces. The afterPack hook is built for
// electron-builder only, never packaged (electron-builder.yml).
export function buildOptions(argv = process.argv.slice(2)) {
  const release = argv.includes('--release');
  return { release, sourcemap: !release };
}

export const builderOnlyEntries = ['electron/security/after-pack.ts'];
