// The compiled API reads a few data files beside its modules (the common-passwords list): tsc
// emits only JavaScript, so they are copied into dist/ at the same relative paths.
import { cpSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/', import.meta.url));
const target = fileURLToPath(new URL('../dist/', import.meta.url));
const DATA_FILES = new Set(['.txt', '.json']);

for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && DATA_FILES.has(extname(entry.name))) {
    const relative = join(entry.parentPath, entry.name).slice(source.length);
    cpSync(join(source, relative), join(target, relative));
  }
}
