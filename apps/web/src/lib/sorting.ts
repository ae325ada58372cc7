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

/**
 * The sort the address names (`?sort=<column>&order=asc|desc`), so that a reload or a shared link
 * shows the table as it was; `fallback` when it names no column of this table (`columnNamed`
 * answers undefined) or no order.
 */
export function sortInAddress<Column>(
  params: URLSearchParams,
  columnNamed: (name: string) => Column | undefined,
  fallback: TableSort<Column>,
): TableSort<Column> {
  const name = params.get('sort');
  const order = params.get('order');
  const column = name === null ? undefined : columnNamed(name);
  if (column === undefined || (order !== 'asc' && order !== 'desc')) return fallback;
  return { column, descending: order === 'desc' };
}

/** The address parameters that name `sort` (its column as `name`), as `sortInAddress` reads them. */
export function sortParameters(
  name: string,
  { descending }: { descending: boolean },
): Record<'sort' | 'order', string> {
  return { sort: name, order: descending ? 'desc' : 'asc' };
}

/** `url` naming `sort` (its column as `name`), its other parameters kept. */
export function addressWithSort(url: URL, name: string, sort: { descending: boolean }): URL {
  const next = new URL(url);
  for (const [key, value] of Object.entries(sortParameters(name, sort))) next.searchParams.set(key, value);
  return next;
}
