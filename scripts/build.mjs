// `npm run build`: the renderer with Vite into dist/renderer, and the Node entries with
// esbuild into dist/electron (flat, so a worker finds its sibling .mjs next to the bundle
// that spawns it). Packages stay external: node_modules ships with the app.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { buildOptions, builderOnlyEntries } from './build-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist/electron');

// Each entry is named after its file, so the output stays flat.
const named = (entries) => Object.fromEntries(entries.map((entry) => [entry.split('/').pop().replace(/\.ts$/, ''), entry]));

const esmEntries = named([
  'electron/browser-mode.ts',
  'electron/cli.ts',
  'electron/host/service-worker.ts',
  'electron/importing/import-worker.ts',
  'electron/importing/parse-worker.ts',
  'electron/reviewing/grid-worker.ts',
]);
const electronEntries = named(['electron/main.ts', 'electron/preload.ts', ...builderOnlyEntries]);
const { sourcemap } = buildOptions();

// The CJS entries (Electron main, preload) share modules that locate their siblings with
// import.meta.url, which CJS lacks: give them its equivalent from __filename.
const cjsImportMeta = {
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap, logLevel: 'warning', absWorkingDir: root, outdir };

await vite({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { sourcemap } });
await Promise.all([
  esbuild({ ...common, entryPoints: esmEntries, format: 'esm', outExtension: { '.js': '.mjs' }, packages: 'external' }),
  esbuild({ ...common, ...cjsImportMeta, entryPoints: electronEntries, format: 'cjs', outExtension: { '.js': '.cjs' }, packages: 'external', external: ['electron'] }),
]);
console.log(`built: renderer, ${Object.keys({ ...esmEntries, ...electronEntries }).join(', ')}`);
