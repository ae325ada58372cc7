import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const run = (file: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', file], {
    cwd: pkg,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: pkg },
  });

describe('import-preview CLI', () => {
  it('prints only the reading JSON on stdout', () => {
    const r = run('test-fixtures/wrapped-report.txt');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.title).toBe('The Tide Mills of the North Coast');
  });

  it('reports a refused file on stderr with its code and exits non-zero', () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'reading-cli-')), 'empty.txt');
    writeFileSync(empty, '');
    const r = run(empty);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^EMPTY_FILE: "empty.txt" is empty/);
  });
});
