/**
 * New positions after moving one item a step up (-1) or down (1) in an ordered list, as the
 * updates to make: every item whose position differs from its new index. Positions that were
 * tied or had gaps come out as 0..n-1.
 */
export function positionsAfterMove(
  items: ReadonlyArray<{ id: string; position: number }>,
  id: string,
  step: -1 | 1,
): Array<{ id: string; position: number }> {
  const order = items.map((item) => item.id);
  const from = order.indexOf(id);
  const to = from + step;
  if (from === -1 || to < 0 || to >= order.length) return [];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order.flatMap((itemId, position) =>
    items.find((item) => item.id === itemId)!.position === position ? [] : [{ id: itemId, position }],
  );
}

interface Upcoming {
  dueAt: string | null;
  position: number;
  reading: { myProgress: { completed: boolean } | null };
}

/** A student's list: what is still to read, soonest due first (undated last), and what is done. */
export function splitByProgress<T extends Upcoming>(assignments: readonly T[]): { toRead: T[]; finished: T[] } {
  const due = (a: T) => (a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY);
  const toRead = assignments.filter((a) => !a.reading.myProgress?.completed).toSorted((a, b) => due(a) - due(b));
  const finished = assignments.filter((a) => a.reading.myProgress?.completed);
  return { toRead, finished };
}
