// Times the importer on the longest course reading and on a generated 100-page PDF.
// Run: tsx bench/import-bench.ts [path to the thesis reading]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { longPdf } from '../test-fixtures/pdf-builder.js';
import { importReading } from '../src/index.js';

async function time(label: string, data: Uint8Array, runs = 5): Promise<void> {
  await importReading({ data }); // warm-up: module loading and JIT
  const ms: number[] = [];
  let blocks = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    blocks = (await importReading({ data })).blocks.length;
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label}: median ${ms[Math.floor(runs / 2)]!.toFixed(0)} ms, best ${ms[0]!.toFixed(0)} ms (${(data.length / 1024).toFixed(0)} KB, ${blocks} blocks)`,
  );
}

const dir = resolve(process.env.INIT_CWD ?? process.cwd(), '../shared/readings');
const thesis = process.argv[2] ?? join(dir, readdirSync(dir).find((f) => f.startsWith('004_')) ?? '');
await time(`text ${thesis.split('/').pop()}`, new Uint8Array(readFileSync(thesis)));
await time('generated 100-page PDF', await longPdf(100), 3);
