import { sortedBy } from './sorting';

interface ReadingWithProgress {
  id: string;
  myProgress: { lastReadAt: string } | null;
}

/**
 * The reading the viewer read last, or the course's first if they have read none: a note about no
 * reading opens in the notes panel beside it, where they most likely were.
 */
export function lastReadOrFirst<T extends ReadingWithProgress>(readings: readonly T[]): T | undefined {
  const read = readings.filter((reading) => reading.myProgress);
  // Timestamps in one ISO 8601 form (UTC, milliseconds) sort as text.
  return sortedBy(read, (reading) => reading.myProgress!.lastReadAt, true)[0] ?? readings[0];
}
