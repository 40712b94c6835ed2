import { Worker, type WorkerOptions } from 'node:worker_threads';

// Worker entries by name. From sources (tests, `npm run cli`) the .ts file runs through tsx
// (see ts-worker-bootstrap.mjs);
// from the build (scripts/build.mjs bundles each entry flat into dist/electron/) the .mjs
// sibling of the running bundle is used.
const entries = {
  'service-worker': 'host/service-worker',
  'import-worker': 'importing/import-worker',
  'parse-worker': 'importing/parse-worker',
  'grid-worker': 'reviewing/grid-worker',
} as const;

export type WorkerName = keyof typeof entries;

const fromSources = import.meta.url.endsWith('.ts');

export function spawnWorker(name: WorkerName, options: WorkerOptions = {}): Worker {
  if (fromSources) {
    const entry = new URL(`../${entries[name]}.ts`, import.meta.url).href;
    return new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), { ...options, argv: [entry] });
  }
  // Packaged, the bundles sit outside the asar archive (electron-builder.yml asarUnpack),
  // since a worker thread cannot start from inside it.
  const bundled = new URL(`./${name}.mjs`, import.meta.url).href.replace('/app.asar/', '/app.asar.unpacked/');
  return new Worker(new URL(bundled), options);
}
