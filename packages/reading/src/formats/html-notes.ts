import { NOTES_HEADING } from '../recover/notes.js';
import { NOTE_LABEL } from '../recover/text-shape.js';
import type { Note } from '../types.js';

/** The few DOM members the note and chrome passes use (linkedom's own types are loose). */
export interface El {
  tagName: string;
  id: string;
  textContent: string | null;
  parentElement: El | null;
  children: ArrayLike<El>;
  previousElementSibling: El | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  contains(other: El): boolean;
  remove(): void;
  replaceWith(...nodes: unknown[]): void;
  normalize(): void;
}

export interface Doc {
  body: El;
  documentElement: El;
  querySelectorAll(selector: string): ArrayLike<El>;
  getElementById(id: string): El | null;
  createTextNode(text: string): unknown;
  cloneNode(deep: boolean): unknown;
}

// What a note call prints: "3", "[3]", "xiv".
const CALL_TEXT = new RegExp(String.raw`^\[?(${NOTE_LABEL})\]?$`, 'i');
const BACK_LINK_TEXT = /^(?:[↩↑⤴^]|↩︎|back|return)$/i;
const NOTE_BLOCK = new Set(['LI', 'P', 'DIV', 'DD', 'ASIDE', 'SECTION', 'TD']);

/**
 * Takes footnotes and endnotes out of a page by following its links: a short link such as "3" or
 * "[3]" that points at an element elsewhere in the page is a note call, and the element it points
 * at is the note. Calls become "[3]" in the text, which the shared note pass turns into
 * references; the notes, their back-links and the emptied notes list leave the page.
 */
export function takeLinkedNotes(document: Doc): Note[] {
  const notes: Note[] = [];
  const taken = new Map<El, string>();
  const calls: Array<{ call: El; label: string }> = [];
  for (const a of Array.from(document.querySelectorAll('a[href^="#"]'))) {
    const label = CALL_TEXT.exec((a.textContent ?? '').trim())?.[1]?.toLowerCase();
    if (!label) continue;
    const target = findTarget(document, a);
    if (!target || target.contains(a) || a.contains(target)) continue;
    const note = noteElement(target);
    if (!note || note.contains(a) || (!taken.has(note) && !looksLikeNote(note, a, label))) continue;
    if (!taken.has(note)) taken.set(note, label);
    calls.push({ call: a, label: taken.get(note)! });
  }
  if (!taken.size) return notes;
  const callIds = new Set(calls.flatMap(({ call }) => [call.id, call.parentElement?.id].filter(Boolean) as string[]));
  for (const [note, label] of taken) {
    for (const back of Array.from(note.querySelectorAll('a[href^="#"]'))) {
      const href = decodeHash(back.getAttribute('href'));
      if (callIds.has(href) || BACK_LINK_TEXT.test((back.textContent ?? '').trim())) back.remove();
    }
    const text = (note.textContent ?? '').replace(/\s+/g, ' ').trim();
    notes.push({ label, text: stripLeadingLabel(text, label) });
  }
  for (const { call, label } of calls) {
    const sup =
      call.parentElement?.tagName === 'SUP' && call.parentElement.children.length === 1 ? call.parentElement : call;
    sup.replaceWith(document.createTextNode(`[${label}]`));
  }
  for (const note of taken.keys()) removeWithEmptyContainers(note);
  return notes;
}

function findTarget(document: Doc, a: El): El | null {
  const id = decodeHash(a.getAttribute('href'));
  if (!id) return null;
  return (
    document.getElementById(id) ?? document.querySelectorAll(`a[name="${id.replace(/["\\]/g, '\\$&')}"]`)[0] ?? null
  );
}

/**
 * Links also lead to sections (a contents list) and to page anchors inside paragraphs. A note is
 * short, holds no heading, and is a list item, starts with its label, or links back to its call.
 */
function looksLikeNote(note: El, call: El, label: string): boolean {
  const text = (note.textContent ?? '').trim();
  if (!text || text.length > MAX_NOTE_LENGTH || note.querySelectorAll('h1,h2,h3,h4,h5,h6').length) return false;
  if (note.tagName === 'LI' || new RegExp(`^\\[?${label}(?!\\w)`, 'i').test(text)) return true;
  const ids = [call.id, call.parentElement?.id].filter(Boolean);
  return Array.from(note.querySelectorAll('a[href^="#"]')).some((b) =>
    ids.includes(decodeHash(b.getAttribute('href'))),
  );
}

const MAX_NOTE_LENGTH = 5000;

const decodeHash = (href: string | null): string => {
  const hash = (href ?? '').slice(1);
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
};

// The note is the block holding the anchor: the <li> itself, or the paragraph an <a name> sits in.
function noteElement(target: El): El | null {
  for (let el: El | null = target; el; el = el.parentElement) {
    if (NOTE_BLOCK.has(el.tagName)) return el.tagName === 'BODY' ? null : el;
    if (el.tagName === 'BODY') return null;
  }
  return null;
}

// "3. The minute book" under call "3" reads "The minute book".
function stripLeadingLabel(text: string, label: string): string {
  return text.replace(new RegExp(`^\\[?${label}\\]?[.):]?\\s+`, 'i'), '');
}

// Removing the notes leaves their list, its wrapper and its "Notes" heading empty: those go too.
function removeWithEmptyContainers(note: El): void {
  let el: El | null = note;
  while (el && el.tagName !== 'BODY' && el.tagName !== 'ARTICLE' && el.tagName !== 'MAIN') {
    const parent: El | null = el.parentElement;
    const heading = el.previousElementSibling;
    el.remove();
    if (heading && /^H[1-6]$/.test(heading.tagName) && NOTES_HEADING.test((heading.textContent ?? '').trim()))
      heading.remove();
    if (!parent || (parent.textContent ?? '').trim()) return;
    el = parent;
  }
}
