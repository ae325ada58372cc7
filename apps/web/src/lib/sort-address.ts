import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { addressWithSort } from './sorting';

/**
 * Writes a table's sort (its column as `name`) into the address in place (no navigation, no load),
 * so that a reload or a copied link shows the table sorted as it was.
 */
export function keepSortInAddress(name: string, sort: { descending: boolean }): void {
  // eslint-disable-next-line svelte/no-navigation-without-resolve -- the page's own address, its query changed
  replaceState(addressWithSort(page.url, name, sort), page.state);
}
