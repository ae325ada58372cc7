// The one test command (README): typecheck, lint, build, every package's tests, and the shared
// readings check. Ends with one "N passed, N failed" line summing every Vitest run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failuresIn } from './test-failures.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pnpm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['pnpm'];

function run(title, command, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}
const runPnpm = (title, args) => run(title, pnpm[0], [...pnpm.slice(1), ...args]);

/** Chromium (end-to-end tests) and redis-server (scale-out tests) come from Debian's packages. */
function ensureSystemPackages() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = [];
  if (!existsSync(chromium)) missing.push('chromium');
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('redis-server');
  if (!missing.length) return;
  if (userInfo().uid !== 0) {
    console.error(
      `Missing ${missing.join(' and ')}: install (Debian: sudo apt-get install -y ${missing.join(' ')}) and run the tests again.`,
    );
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    !run(`Installing ${missing.join(', ')} from Debian packages`, 'apt-get', ['update', '-q'], { env }) ||
    !run('apt-get install', 'apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env })
  ) {
    console.error(
      `Installing ${missing.join(' and ')} failed; install by hand (apt-get install -y ${missing.join(' ')}) and run the tests again.`,
    );
    process.exit(1);
  }
}

function vitestProjects() {
  return ['packages', 'apps']
    .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(dir, name)))
    .concat('tests')
    .filter((dir) => {
      const manifest = join(root, dir, 'package.json');
      return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test;
    });
}

ensureSystemPackages();
const steps = [
  runPnpm('Typecheck every package', ['-r', 'typecheck']),
  runPnpm('Lint and format check', ['lint']),
  runPnpm('Build', ['build']),
];

const reports = mkdtempSync(join(tmpdir(), 'commonplace-test-'));
let passed = 0;
let failed = 0;
const failures = [];
for (const project of vitestProjects()) {
  const report = join(reports, `${project.replace(/\W/g, '_')}.json`);
  const ok = run(
    `Tests: ${project}`,
    pnpm[0],
    [...pnpm.slice(1), 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: join(root, project) },
  );
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests + (ok || summary.numFailedTests ? 0 : 1);
    failures.push(...failuresIn(summary, project, join(root, project)));
    if (!ok && !summary.numFailedTests) failures.push(`${project}: the run failed outside its tests (see above)`);
  } else {
    failed += 1;
    failures.push(`${project}: the test run produced no report`);
    console.error(`${project}: the test run produced no report`);
  }
}

const readingsDir = resolve(process.env.READINGS_DIR ?? join(root, '..', 'shared', 'readings'));
const checker = join(readingsDir, '..', 'tools', 'check-readings.mjs');
if (existsSync(join(readingsDir, 'expected.json')) && existsSync(checker)) {
  steps.push(
    run('Shared readings check', process.execPath, [
      checker,
      '--dir',
      readingsDir,
      '--',
      ...pnpm,
      '--silent',
      'import-preview',
    ]),
  );
} else {
  console.log(`\nNo course readings at ${readingsDir}: the shared readings check is skipped; everything else ran.`);
}

const failedSteps = steps.filter((ok) => !ok).length;
if (failedSteps) console.error(`\n${failedSteps} step(s) outside the test suites failed (see above).`);
if (failures.length) console.error(`\nFailed:\n${failures.map((name) => `  ${name}`).join('\n')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed || failedSteps ? 1 : 0);
