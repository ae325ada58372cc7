import type { WorkerOptions } from 'node:worker_threads';

// Whether this module runs compiled (dist/*.js: production) or from the sources (tsx: the
// one-command start, dev and tests). The one place that knows how a worker starts in each.
const compiled = import.meta.url.endsWith('.js');
// From the sources, a worker cannot load a .ts entry on Node 20 even when started with
// `--import tsx`: this entry registers tsx in the worker, then loads the TypeScript module.
const TSX_BOOTSTRAP = new URL('./import-worker.mjs', import.meta.url);

export interface WorkerEntry {
  filename: URL;
  options: Pick<WorkerOptions, 'workerData' | 'execArgv'>;
}

/**
 * How to start a worker thread on `module`, a module of ours named without its extension
 * (`new URL('./import-worker', import.meta.url)`): compiled, its .js, with the process's export
 * conditions (`--conditions=compiled`, so that our packages load compiled too); from the sources,
 * its .ts through tsx.
 */
export function workerEntry(module: URL): WorkerEntry {
  if (compiled) {
    const conditions = process.execArgv.filter((arg) => arg.startsWith('--conditions='));
    return { filename: new URL(`${module.href}.js`), options: { execArgv: conditions } };
  }
  return { filename: TSX_BOOTSTRAP, options: { workerData: { entry: `${module.href}.ts` }, execArgv: [] } };
}
