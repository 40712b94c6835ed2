// Runs a TypeScript worker entry from sources (tests, `npm run cli`): tsx's hooks are
// registered per thread on Node 20, so the worker registers them itself before loading.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
