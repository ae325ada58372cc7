// What the benchmarks share: where the course readings are, and how runs are timed.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '@commonplace/db';

/** The course readings: READINGS_DIR, or the shared folder beside the repository. */
export const readingsDir = resolve(process.env.READINGS_DIR ?? join(repoRoot, '..', 'shared', 'readings'));

/** The largest reading in the folder, by size (the course's thesis). */
export function largestReading(dir = readingsDir): string {
  const files = readdirSync(dir)
    .filter((name) => !/^readme|\.json$/i.test(name))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
  if (!files.length) throw new Error(`No readings in ${dir}; set READINGS_DIR.`);
  return files.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Calls `task` once to warm up (module loading, JIT, server caches), then `runs` times: what those runs gave. */
export async function afterWarmUp<T>(runs: number, task: () => Promise<T>): Promise<T[]> {
  await task();
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await task());
  return results;
}

/** How long each of `runs` calls of `task` took, in milliseconds, after one call to warm up. */
export function timeRuns(runs: number, task: () => Promise<unknown>): Promise<number[]> {
  return afterWarmUp(runs, async () => {
    const started = performance.now();
    await task();
    return performance.now() - started;
  });
}
