// The worker's entry. A worker started with `--import tsx` still cannot load a .ts entry on
// Node 20, so it registers tsx itself and then loads the TypeScript importer.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
