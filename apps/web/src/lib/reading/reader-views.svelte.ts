import { NOTE_PARAM_NAMES } from '$lib/notes-panel/panel-view';

export type SideView = 'annotations' | 'notes';
export type ReaderView = 'reading' | SideView;

/** The view a reader last chose to have beside the text: kept in a cookie so the server renders it. */
export const SIDE_COOKIE = 'reader-side';
const YEAR_SECONDS = 365 * 24 * 60 * 60;

export const sideViewOf = (value: string | undefined): SideView | null =>
  value === 'annotations' || value === 'notes' ? value : null;

/**
 * What the reader shows. Beside the text on a desktop: the annotations or the notes, each with the
 * column's whole height. On a phone, one of the three by turns, the text's companion being the same
 * one the desktop would show beside it.
 */
export class ReaderViews {
  side = $state<SideView>('annotations');
  /** On a phone, the text rather than what goes beside it. */
  private phoneOnText = $state(true);

  /** A link to a note or to an annotation opens beside the text on it; otherwise the last chosen is. */
  constructor(params: URLSearchParams, chosen: SideView | null) {
    const note = NOTE_PARAM_NAMES.some((name) => params.has(name));
    this.side = note ? 'notes' : params.has('annotation') ? 'annotations' : (chosen ?? 'annotations');
    this.phoneOnText = !note && !params.has('annotation');
  }

  /** The view a phone shows. */
  get phone(): ReaderView {
    return this.phoneOnText ? 'reading' : this.side;
  }

  /** The reader's own choice of a tab: shown, and beside the text next time too, on any reading. */
  choose(view: ReaderView) {
    this.show(view);
    if (view !== 'reading') document.cookie = `${SIDE_COOKIE}=${view}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
  }

  /** Brings a view forward: the text on a phone (a desktop always shows it), or one beside it. */
  show(view: ReaderView) {
    this.phoneOnText = view === 'reading';
    if (view !== 'reading') this.side = view;
  }
}
