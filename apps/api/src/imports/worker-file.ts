/**
 * The file a worker thread loads for the worker module `name` that sits beside `base` (pass
 * `import.meta.url`): the module itself once the API is compiled to JavaScript; in development,
 * where the API runs as TypeScript, its `.mjs` bootstrap, since a worker on Node 20 cannot load
 * a `.ts` file until tsx is registered inside it.
 */
export function workerFile(base: string, name: string): string {
  return new URL(base.endsWith('.ts') ? `./${name}.mjs` : `./${name}.js`, base).href;
}
