import { relative } from 'node:path';

/**
 * The failed tests of one project's Vitest JSON report, by file and name (a file that did not run
 * says why): printed again at the end of the run, where a log cut to its tail still shows them.
 */
export function failuresIn(summary, project, projectDir) {
  const names = [];
  for (const file of summary.testResults ?? []) {
    const where = `${project}/${relative(projectDir, file.name)}`;
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) names.push(`${where} > ${test.fullName}`);
    if (!failedTests.length && file.status === 'failed')
      names.push(`${where}: ${String(file.message ?? '').split('\n')[0] || 'did not run'}`);
  }
  return names;
}
