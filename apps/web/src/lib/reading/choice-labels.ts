interface ReadingLike {
  id: string;
  title: string;
  authors: string[];
  publishedAt: string | null;
  version: number;
  originalFilename: string;
}

const byline = (r: ReadingLike) =>
  [r.authors.join(', ') || 'no author', r.publishedAt?.slice(0, 4)].filter(Boolean).join(', ');

/**
 * How each reading is named in a list to choose from: its title, and where two share a title,
 * the author and year, then the version and file, until the names differ.
 */
export function choiceLabels(readings: readonly ReadingLike[]): Map<string, string> {
  const steps: Array<(r: ReadingLike) => string> = [
    (r) => r.title,
    (r) => `${r.title} — ${byline(r)}`,
    (r) => `${r.title} — ${byline(r)}, version ${r.version}, ${r.originalFilename}`,
  ];
  const labels = new Map<string, string>();
  for (const reading of readings) {
    const label = steps
      .map((step) => step(reading))
      .find((candidate, i) => readings.filter((other) => steps[i]!(other) === candidate).length === 1);
    labels.set(reading.id, label ?? steps.at(-1)!(reading));
  }
  return labels;
}
