/**
 * How a worker thread starts for the worker module `name` that sits beside `base` (pass
 * `import.meta.url`): once the API is compiled to JavaScript, the module itself, with the
 * process's export conditions (`--conditions=compiled`, so that our packages load compiled in
 * the worker too); in development, where the API runs as TypeScript, its `.mjs` bootstrap, since
 * a worker on Node 20 cannot load a `.ts` file until tsx is registered inside it.
 */
export function workerFile(base: string, name: string): { filename: string; execArgv: string[] } {
  if (base.endsWith('.ts')) return { filename: new URL(`./${name}.mjs`, base).href, execArgv: [] };
  return {
    filename: new URL(`./${name}.js`, base).href,
    execArgv: process.execArgv.filter((arg) => arg.startsWith('--conditions=')),
  };
}
