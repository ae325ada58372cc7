import type { Note, NoteRef, SourceBlock, Warning } from '../types.js';
import { NOTE_LABEL, textKey } from './text-shape.js';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromSuperscript = (s: string) => [...s].map((c) => String(SUPERSCRIPT_DIGITS.indexOf(c))).join('');

// A note line starts with its label: "[xiv] …", "[12] …", "¹² …", and, under a Notes heading, "12. …".
const BRACKET_NOTE = new RegExp(String.raw`^\[(${NOTE_LABEL})\]\s*(.*)$`, 'is');
const SUPERSCRIPT_NOTE = /^([⁰¹²³⁴-⁹]+)\s*(.*)$/s;
const NUMBERED_NOTE = /^(\d{1,3})[.)]?\s+(.*)$/s;
export const NOTES_HEADING =
  /^(?:end\s*notes|foot\s*notes|notes|references|sources|bibliography|works cited|citations)\s*:?$/i;

function parseNoteLine(text: string, allowNumbered: boolean): Note | null {
  let m = BRACKET_NOTE.exec(text);
  if (m) return { label: m[1]!.toLowerCase(), text: m[2]!.trim() };
  m = SUPERSCRIPT_NOTE.exec(text);
  if (m) return { label: fromSuperscript(m[1]!), text: m[2]!.trim() };
  m = allowNumbered ? NUMBERED_NOTE.exec(text) : null;
  if (m) return { label: m[1]!, text: m[2]!.trim() };
  return null;
}

/**
 * Takes the endnote list off the end of the text. The list is the trailing run of blocks that
 * mostly start with a note label; unlabelled blocks inside it continue the note before them.
 */
export function extractEndnotes(blocks: SourceBlock[], warnings: Warning[]): { blocks: SourceBlock[]; notes: Note[] } {
  let start = -1;
  let labelled = 0;
  let strays = 0;
  const notesHeading = blocks.findLastIndex((x) => NOTES_HEADING.test(x.text));
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind !== 'heading' && parseNoteLine(b.text, notesHeading >= 0 && i > notesHeading)) {
      start = i;
      labelled++;
      strays = 0;
    } else if (
      labelled > 0 &&
      b.kind !== 'heading' &&
      b.text.length < 400 &&
      strays === 0 &&
      !NOTES_HEADING.test(b.text)
    ) {
      strays++;
    } else if (labelled > 0 || b.kind === 'heading' || b.text.length >= 400) {
      break;
    }
  }
  if (start < 0 || labelled < 2) return { blocks, notes: [] };
  const headed = start > 0 && NOTES_HEADING.test(blocks[start - 1]!.text);
  const notes: Note[] = [];
  let joined = 0;
  for (const b of blocks.slice(start)) {
    const n = parseNoteLine(b.text, headed);
    if (n) notes.push(n);
    else if (notes.length) {
      notes[notes.length - 1]!.text += ' ' + b.text;
      joined++;
    }
  }
  if (joined)
    warnings.push({ code: 'NOTE_REJOINED', message: `Rejoined ${joined} note(s) that were wrapped over two lines.` });
  return { blocks: blocks.slice(0, headed ? start - 1 : start), notes };
}

const MARKER = new RegExp(String.raw`\s?\[(${NOTE_LABEL})\]|([⁰¹²³⁴-⁹]+)`, 'gu');

/**
 * Removes note markers from a block's text, recording each as a note reference at the place it
 * stood. Bracketed markers are always markers; superscript digits count when a note carries
 * that label or when they follow a word or punctuation mark as a note call does.
 */
export function extractNoteRefs(text: string, labels: Set<string>): { text: string; refs: NoteRef[] } {
  const refs: NoteRef[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const label = m[1] ? m[1].toLowerCase() : fromSuperscript(m[2]!);
    if (m[2] && !labels.has(label) && !/[\p{L}.,;:!?"”’)]$/u.test(text.slice(Math.max(0, m.index - 2), m.index)))
      continue;
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    // Keep one space where the marker sat between two words.
    if (m[0].startsWith(' ') && !/^[\s.,;:!?)]/.test(text.slice(last)) && !out.endsWith(' ')) out += ' ';
    // "²³" calling notes 2 and 3 when there is no note 23.
    const split = m[2] && !labels.has(label) && [...label].every((d) => labels.has(d)) ? [...label] : [label];
    for (const l of split) refs.push({ label: l, offset: out.length });
  }
  out += text.slice(last);
  return { text: out, refs };
}

/** Reports references that point at no note, and notes never referenced. */
export function checkNoteLinks(refs: NoteRef[], notes: Note[], warnings: Warning[]): void {
  const labels = new Set(notes.map((n) => n.label));
  const used = new Set(refs.map((r) => r.label));
  const dangling = [...new Set(refs.filter((r) => !labels.has(r.label)).map((r) => r.label))];
  const orphans = notes.filter((n) => !used.has(n.label)).map((n) => n.label);
  if (dangling.length)
    warnings.push({
      code: 'NOTE_MISSING',
      message: `${dangling.length} note marker(s) point at no note text (e.g. ${dangling.slice(0, 3).join(', ')}).`,
    });
  if (orphans.length)
    warnings.push({
      code: 'NOTE_UNREFERENCED',
      message: `${orphans.length} note(s) are never referenced in the text (e.g. ${orphans.slice(0, 3).join(', ')}).`,
    });
}

/** Notes printed twice (an article scraped twice) are kept once; differing texts keep both. */
export function dedupeNotes(notes: Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const k = n.label + '\u0000' + textKey(n.text);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
