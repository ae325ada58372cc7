// The test command ends by naming every failed test, so a log cut to its last lines (as CI shows
// it) still says what failed, not only how many.
import { describe, expect, it } from 'vitest';
import { failuresIn } from '../scripts/test-failures.mjs';

describe("the test command's summary", () => {
  it('names each failed test by project, file and name, and a file that did not run with its reason', () => {
    const report = {
      testResults: [
        {
          name: '/repo/apps/api/src/wiki/wiki.test.ts',
          status: 'failed',
          message: '',
          assertionResults: [
            { fullName: 'wiki pages are locked by staff alone', status: 'failed' },
            { fullName: 'wiki pages are listed as a tree', status: 'passed' },
          ],
        },
        {
          name: '/repo/apps/api/src/collab/broken.test.ts',
          status: 'failed',
          message: 'Failed to load url ./missing.js\n    at resolve',
          assertionResults: [],
        },
        {
          name: '/repo/apps/api/src/fine.test.ts',
          status: 'passed',
          assertionResults: [{ fullName: 'works', status: 'passed' }],
        },
      ],
    };
    expect(failuresIn(report, 'apps/api', '/repo/apps/api')).toEqual([
      'apps/api/src/wiki/wiki.test.ts > wiki pages are locked by staff alone',
      'apps/api/src/collab/broken.test.ts: Failed to load url ./missing.js',
    ]);
    expect(failuresIn({ testResults: [report.testResults[2]!] }, 'apps/api', '/repo/apps/api')).toEqual([]);
  });
});
