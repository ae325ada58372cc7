// Anchoring passages in the largest course reading, each beside the bare search it builds on in
// the same run: a plain indexOf of the quoted words. The difference is what checking the
// position, telling repeats apart by context and searching approximately cost.
//
// Run: pnpm --filter @commonplace/tests bench:anchoring   (READINGS_DIR overrides the readings folder)
import { readFileSync } from 'node:fs';
import { describe, reanchor, resolve } from '../../packages/anchoring/src/index.js';
import { largestReading, median, timeRuns } from '../support/bench.js';

const text = readFileSync(largestReading(), 'utf8');
const RUNS = 7;

function passageAt(fraction: number, length: number) {
  const start = text.indexOf(' ', Math.floor(text.length * fraction)) + 1;
  return describe(text, start, text.indexOf(' ', start + length));
}

const passage = passageAt(0.66, 300);
const { start, end } = passage.position;
const wordAt = text.indexOf(' ', start + Math.floor((end - start) / 2)) + 1;
const edited = `A new preface.\n\n${text.slice(0, wordAt)}changed ${text.slice(wordAt)}`;
const deleted = text.slice(0, start) + text.slice(end);
const many = Array.from({ length: 300 }, (_, i) => passageAt(i / 300, 40));
const nextVersion = `A new foreword by the editors.\n\n${text}`;

const rows: [string, number[], number[]][] = [
  [
    'a passage at its position',
    await timeRuns(RUNS, async () => resolve(text, passage)),
    await timeRuns(RUNS, async () => text.indexOf(passage.quote.exact)),
  ],
  [
    'a passage moved and lightly edited (fuzzy)',
    await timeRuns(RUNS, async () => resolve(edited, passage)),
    await timeRuns(RUNS, async () => edited.indexOf(passage.quote.exact)),
  ],
  [
    'a deleted passage reported orphaned',
    await timeRuns(RUNS, async () => resolve(deleted, passage)),
    await timeRuns(RUNS, async () => deleted.indexOf(passage.quote.exact)),
  ],
  [
    '300 passages re-anchored on a new version',
    await timeRuns(RUNS, async () => many.map((selectors) => reanchor(text, nextVersion, selectors))),
    await timeRuns(RUNS, async () => many.map((selectors) => nextVersion.indexOf(selectors.quote.exact))),
  ],
];

const ms = (values: number[]) => `${median(values).toFixed(2)} ms`;
console.log(`\nAnchoring in a ${Math.round(text.length / 1000)} KB reading (median of ${RUNS} runs)\n`);
console.log('| what | Commonplace | reference (indexOf of the quote) |');
console.log('|---|---|---|');
for (const [what, ours, reference] of rows) console.log(`| ${what} | ${ms(ours)} | ${ms(reference)} |`);
