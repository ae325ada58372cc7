import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { importReading, ReadingImportError } from './index.js';

// Run through `pnpm --filter`, the working directory is this package; INIT_CWD is where the user was.
const arg = process.argv[2];
if (!arg) {
  process.stderr.write('usage: import-preview <file>\n');
  process.exit(2);
}
const path = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
try {
  const data = new Uint8Array(await readFile(path));
  const doc = await importReading({ data, filename: basename(path) });
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
} catch (err) {
  if (err instanceof ReadingImportError) process.stderr.write(`${err.code}: ${err.message}\n`);
  else process.stderr.write(`import failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
