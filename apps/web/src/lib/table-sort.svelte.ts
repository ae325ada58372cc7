import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { addressWithSort, directionOf, sortInAddress, sortOn, sortParameters, type TableSort } from './sorting';

interface SortableColumns<Column> {
  /** The sort before anyone chooses one, ascending. */
  initial: Column;
  /** The column an address's `sort` names, if this table has it. */
  named: (name: string) => Column | undefined;
  /** A column's name in the address. */
  nameOf: (column: Column) => string;
  /** Whether a column is first sorted largest first (figures, dates) rather than A to Z. */
  startsDescending: (column: Column) => boolean;
  same?: (a: Column, b: Column) => boolean;
}

/**
 * A sortable table's sort: as the address says at first, written back into it (in place: no
 * navigation, no load) on each change, so that a reload or a copied link shows the table sorted as
 * it was.
 */
export class AddressedSort<Column> {
  readonly #columns: SortableColumns<Column>;
  current: TableSort<Column>;

  constructor(columns: SortableColumns<Column>) {
    this.#columns = columns;
    this.current = $state(
      sortInAddress(page.url.searchParams, columns.named, { column: columns.initial, descending: false }),
    );
  }

  /** The address parameters naming the current sort, for a form or link that should keep it. */
  get parameters(): Record<'sort' | 'order', string> {
    return sortParameters(this.#columns.nameOf(this.current.column), this.current);
  }

  direction(column: Column) {
    return directionOf(this.current, column, this.#columns.same);
  }

  /** Sorts on `column`: the sorted column turns around, another starts in its natural direction. */
  by(column: Column): void {
    this.current = sortOn(this.current, column, this.#columns);
    const url = addressWithSort(page.url, this.#columns.nameOf(this.current.column), this.current);
    // eslint-disable-next-line svelte/no-navigation-without-resolve -- the page's own address, its query changed
    replaceState(url, page.state);
  }
}

/**
 * A table of students by column key, the student's name first: by name at first; names and groups
 * A to Z, figures and dates largest first.
 */
export function studentTableSort<Key extends string>(keys: readonly Key[]) {
  return new AddressedSort<Key>({
    initial: keys[0]!,
    named: (name) => keys.find((key) => key === name),
    nameOf: (key) => key,
    startsDescending: (key) => key !== 'name' && key !== 'group',
  });
}
