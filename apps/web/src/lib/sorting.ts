/**
 * The rows sorted by `value`, ascending or descending; ties keep the rows' given order (a table's
 * name order), so a click on a column never shuffles equal rows.
 */
export function sortedBy<T>(rows: readonly T[], value: (row: T) => string | number, descending: boolean): T[] {
  const direction = descending ? -1 : 1;
  return rows
    .map((row, order) => ({ row, order, key: value(row) }))
    .toSorted((a, b) => (a.key < b.key ? -direction : a.key > b.key ? direction : 0) || a.order - b.order)
    .map(({ row }) => row);
}
