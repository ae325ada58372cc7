import { describe, resolve, TRIAGE_THRESHOLD, type OrphanReason } from '@commonplace/anchoring';
import {
  ANNOTATION_BODY_MAX_CHARS,
  annotationTag,
  MAX_PASSAGE_CONTEXT_CHARS,
  textPositionSelector,
  textQuoteSelector,
  type AnnotationImport,
  type PassageSelector,
  type WebAnnotation,
} from '@commonplace/contracts';

/** An imported annotation ready to store: placed on the current text, with its body and tags. */
export interface PlacedImport {
  passage: PassageSelector;
  confidence: number;
  body: string;
  tags: string[];
}

export type ImportOutcome = { placed: PlacedImport } | { reason: string };

const orphanReasons: Record<OrphanReason, string> = {
  'not-found': 'Its quoted words are not in this reading.',
  'too-different': 'Only words unlike its quote are in this reading.',
  ambiguous: 'Its quoted words appear more than once here, and nothing tells which place it was on.',
};

/** The annotations of an import, whichever of the three shapes it came in. */
export function itemsOf(input: AnnotationImport): WebAnnotation[] {
  if (input.type === 'Annotation') return [input];
  if (input.type === 'AnnotationPage') return input.items;
  return input.first.items;
}

const listOf = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Its passage's selectors: the first target naming a TextQuoteSelector (other tools' context may be longer). */
function selectorsOf(item: WebAnnotation) {
  for (const target of listOf(item.target)) {
    if (typeof target === 'string') continue;
    const selectors = listOf(target.selector);
    const quote = selectors
      .map((s) =>
        textQuoteSelector.safeParse({
          ...s,
          prefix: typeof s.prefix === 'string' ? s.prefix.slice(-MAX_PASSAGE_CONTEXT_CHARS) : '',
          suffix: typeof s.suffix === 'string' ? s.suffix.slice(0, MAX_PASSAGE_CONTEXT_CHARS) : '',
        }),
      )
      .find((parsed) => parsed.success)?.data;
    if (!quote) continue;
    const position = selectors.map((s) => textPositionSelector.safeParse(s)).find((parsed) => parsed.success)?.data;
    return { quote, position };
  }
  return null;
}

/** Its comment (the TextualBodies that are not tags, or `bodyValue`) and its tags. */
function contentOf(item: WebAnnotation): { body: string; tags: string[] } {
  const comments: string[] = item.bodyValue ? [item.bodyValue] : [];
  const tags: string[] = [];
  for (const body of listOf(item.body)) {
    // An IRI body points at something elsewhere: nothing of it can be imported.
    if (typeof body === 'string' || body.value === undefined) continue;
    if (body.purpose === 'tagging') tags.push(body.value);
    else comments.push(body.value);
  }
  return { body: comments.join('\n\n').trim(), tags };
}

/**
 * Places one imported annotation on a reading's current text, quote first (other tools count
 * positions differently, so a position only tells copies of the quote apart), or says why not.
 * Only a sure placement is made: nothing is put on words it was not about.
 */
export function placeImport(item: WebAnnotation, text: string, allowedTags: ReadonlySet<string>): ImportOutcome {
  if (listOf(item.motivation).includes('replying') || listOf(item.target).every((t) => typeof t === 'string')) {
    return { reason: 'A reply, not an annotation on a passage: only annotations on passages are imported.' };
  }
  const selectors = selectorsOf(item);
  if (!selectors) return { reason: 'It names no TextQuoteSelector, so its passage cannot be found.' };
  const anchor = resolve(text, selectors);
  if (anchor.orphaned) return { reason: orphanReasons[anchor.reason] };
  if (anchor.confidence < TRIAGE_THRESHOLD) {
    return { reason: 'Only words like its quote, not the same words, are in this reading.' };
  }
  const { body, tags } = contentOf(item);
  if (body.length > ANNOTATION_BODY_MAX_CHARS) {
    return { reason: `Its comment is longer than ${ANNOTATION_BODY_MAX_CHARS} characters.` };
  }
  const courseTags = tags
    .map((tag) => annotationTag.safeParse(tag))
    .flatMap((parsed) => (parsed.success && allowedTags.has(parsed.data) ? [parsed.data] : []));
  return {
    placed: {
      passage: describe(text, anchor.start, anchor.end),
      confidence: anchor.confidence,
      body,
      tags: [...new Set(courseTags)],
    },
  };
}
