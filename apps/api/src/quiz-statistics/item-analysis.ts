/**
 * Item analysis as Moodle's "Quiz statistics calculations" defines it, on plain numbers: every
 * attempt counted is a row of question scores, and the test score is their sum. Sample
 * (n − 1) variances and covariances throughout, as Moodle's calculator uses.
 */

/** One attempt counted: its score on each question (0 for a question left unanswered). */
export type ScoreRow = readonly number[];

export interface ItemStatistics {
  facility: number | null;
  sd: number | null;
  discrimination: number | null;
  discriminativeEfficiency: number | null;
}

export interface TestStatistics {
  mean: number | null;
  median: number | null;
  sd: number | null;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const mean = (values: readonly number[]) => sum(values) / values.length;

/** The sum of products of deviations from the means: n − 1 times the sample covariance. */
function deviationProducts(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  return sum(xs.map((x, i) => (x - mx) * (ys[i]! - my)));
}

/** Rounded off the floating-point dust, so 0.1 + 0.2 reads 0.3 and a zero variance is zero. */
const clean = (value: number) => Math.round(value * 1e9) / 1e9;

export function testStatistics(totals: readonly number[]): TestStatistics {
  if (!totals.length) return { mean: null, median: null, sd: null };
  const sorted = [...totals].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const sd = totals.length > 1 ? Math.sqrt(clean(deviationProducts(totals, totals)) / (totals.length - 1)) : null;
  return { mean: clean(mean(totals)), median, sd: sd === null ? null : clean(sd) };
}

/**
 * The statistics of question `index` of rows whose questions are worth `points` each:
 * facility = mean / points; sd = sample SD / points; discrimination = r(x, X − x), the
 * correlation of the question's score with the rest of the test; discriminative efficiency =
 * C(x, X − x) / Cmax, where Cmax pairs both score lists sorted the same way (the largest
 * covariance their values allow).
 */
export function itemStatistics(rows: readonly ScoreRow[], points: readonly number[], index: number): ItemStatistics {
  const max = points[index]!;
  if (!rows.length) return { facility: null, sd: null, discrimination: null, discriminativeEfficiency: null };
  const x = rows.map((row) => row[index]!);
  const rest = rows.map((row) => sum(row) - row[index]!);
  const facility = max > 0 ? clean(mean(x) / max) : null;
  if (rows.length < 2) return { facility, sd: null, discrimination: null, discriminativeEfficiency: null };
  const varX = clean(deviationProducts(x, x));
  const varRest = clean(deviationProducts(rest, rest));
  const cov = clean(deviationProducts(x, rest));
  const sd = max > 0 ? clean(Math.sqrt(varX / (rows.length - 1)) / max) : null;
  const discrimination = varX * varRest > 0 ? clean(cov / Math.sqrt(varX * varRest)) : null;
  const byValue = (a: number, b: number) => a - b;
  const covMax = clean(deviationProducts([...x].sort(byValue), [...rest].sort(byValue)));
  const discriminativeEfficiency = covMax > 0 ? clean(cov / covMax) : null;
  return { facility, sd, discrimination, discriminativeEfficiency };
}
