/**
 * Why a stretch of text is highlighted: the linked passage, words matching the search query, a
 * passage quoted in notes, an annotated passage, or (for staff) a passage the class missed in quizzes.
 */
export type HighlightKind = 'passage' | 'match' | 'cited' | 'annotated' | 'missed';
const KINDS: readonly HighlightKind[] = ['passage', 'match', 'cited', 'annotated', 'missed'];

export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
}

export interface NoteRef {
  label: string;
  offset: number;
}

/** The button after a cited passage that lists the notes citing it. */
export interface CiteMarker {
  offset: number;
  /** The cited passage's index among the reading's cited passages. */
  passage: number;
  /** How many citations it has. */
  count: number;
}

/** The button after an annotated passage that opens its thread in the margin. */
export interface AnnotationMarker {
  offset: number;
  threadId: string;
  /** How many annotations the thread holds, its replies included. */
  count: number;
}

/** Staff's badge after a passage the class missed in quizzes: the miss rate, and what it means in full. */
export interface MissedMarker {
  offset: number;
  label: string;
  title: string;
}

/** What else a block shows between its words: annotation markers, and sentence numbers when paragraphs are numbered. */
export interface BlockExtras {
  annotationMarkers?: AnnotationMarker[];
  missedMarkers?: MissedMarker[];
  /** Where each sentence starts, in the block's text: shown as s1, s2, … */
  sentenceStarts?: number[];
}

export type Segment =
  | { kind: 'text'; text: string; highlights: HighlightKind[] }
  /** `ref` is the marker's position in the block's noteRefs, which makes its id unique. */
  | { kind: 'note'; label: string; ref: number }
  | ({ kind: 'cite' } & Omit<CiteMarker, 'offset'>)
  | ({ kind: 'annotation' } & Omit<AnnotationMarker, 'offset'>)
  | ({ kind: 'missed' } & Omit<MissedMarker, 'offset'>)
  | { kind: 'sentence'; number: number };

/**
 * Cuts a block's text into runs to render: plain or highlighted text, with the note markers and
 * the cited passages' markers (after any note marker at the same place) placed where their
 * offsets say. Offsets outside the text are clamped to it; highlights may overlap each other and
 * the markers.
 */
export function blockSegments(
  text: string,
  noteRefs: NoteRef[] = [],
  highlights: Highlight[] = [],
  citeMarkers: CiteMarker[] = [],
  { annotationMarkers = [], missedMarkers = [], sentenceStarts = [] }: BlockExtras = {},
): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const notes = noteRefs
    .map((note, ref) => ({ label: note.label, ref, offset: clamp(note.offset) }))
    .sort((a, b) => a.offset - b.offset || a.ref - b.ref);
  const spans = highlights
    .map((h) => ({ start: clamp(h.start), end: clamp(h.end), kind: h.kind }))
    .filter((h) => h.end > h.start);
  const cites = citeMarkers.map((c) => ({ ...c, offset: clamp(c.offset) })).sort((a, b) => a.offset - b.offset);
  const annotated = annotationMarkers
    .map((m) => ({ ...m, offset: clamp(m.offset) }))
    .sort((a, b) => a.offset - b.offset);
  const missed = missedMarkers.map((m) => ({ ...m, offset: clamp(m.offset) })).sort((a, b) => a.offset - b.offset);
  const sentences = sentenceStarts.map((offset, i) => ({ offset: clamp(offset), number: i + 1 }));
  const cuts = [
    ...new Set([
      0,
      text.length,
      ...notes.map((n) => n.offset),
      ...cites.map((c) => c.offset),
      ...annotated.map((m) => m.offset),
      ...missed.map((m) => m.offset),
      ...sentences.map((m) => m.offset),
      ...spans.flatMap((h) => [h.start, h.end]),
    ]),
  ].sort((a, b) => a - b);

  const segments: Segment[] = [];
  let nextNote = 0;
  let nextCite = 0;
  let nextAnnotated = 0;
  let nextMissed = 0;
  let nextSentence = 0;
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    while (nextNote < notes.length && notes[nextNote]!.offset === at) {
      const { label, ref } = notes[nextNote++]!;
      segments.push({ kind: 'note', label, ref });
    }
    while (nextCite < cites.length && cites[nextCite]!.offset === at) {
      const { passage, count } = cites[nextCite++]!;
      segments.push({ kind: 'cite', passage, count });
    }
    while (nextAnnotated < annotated.length && annotated[nextAnnotated]!.offset === at) {
      const { threadId, count } = annotated[nextAnnotated++]!;
      segments.push({ kind: 'annotation', threadId, count });
    }
    while (nextMissed < missed.length && missed[nextMissed]!.offset === at) {
      const { label, title } = missed[nextMissed++]!;
      segments.push({ kind: 'missed', label, title });
    }
    while (nextSentence < sentences.length && sentences[nextSentence]!.offset === at) {
      segments.push({ kind: 'sentence', number: sentences[nextSentence++]!.number });
    }
    const end = cuts[i + 1];
    if (end === undefined) break;
    const kinds = KINDS.filter((kind) => spans.some((h) => h.kind === kind && h.start <= at && h.end >= end));
    const last = segments.at(-1);
    if (last?.kind === 'text' && sameKinds(last.highlights, kinds)) last.text += text.slice(at, end);
    else segments.push({ kind: 'text', text: text.slice(at, end), highlights: kinds });
  }
  return segments;
}

const sameKinds = (a: HighlightKind[], b: HighlightKind[]) => a.length === b.length && a.every((k, i) => k === b[i]);
