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

/** Which column a table is sorted on, and which way. */
export interface TableSort<Column> {
  column: Column;
  descending: boolean;
}

export type SortDirection = 'ascending' | 'descending';

/**
 * The sort after choosing `column`: the sorted column again turns around; another starts in its
 * natural direction (names A to Z, figures largest first, as `startsDescending` says).
 */
export function sortOn<Column>(
  sort: TableSort<Column>,
  column: Column,
  { startsDescending, same = Object.is }: { startsDescending: (column: Column) => boolean; same?: SameColumn<Column> },
): TableSort<Column> {
  return { column, descending: same(sort.column, column) ? !sort.descending : startsDescending(column) };
}

/** The direction `column` is sorted in (its header's `aria-sort`), or undefined when it is not. */
export function directionOf<Column>(
  sort: TableSort<Column>,
  column: Column,
  same: SameColumn<Column> = Object.is,
): SortDirection | undefined {
  if (!same(sort.column, column)) return undefined;
  return sort.descending ? 'descending' : 'ascending';
}

type SameColumn<Column> = (a: Column, b: Column) => boolean;
