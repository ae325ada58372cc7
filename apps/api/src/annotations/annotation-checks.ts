import { describe } from '@commonplace/anchoring';
import {
  BUILT_IN_ANNOTATION_TAGS,
  mentionedUserIds,
  type AnnotationTarget,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '@commonplace/contracts';
import { AppError } from '../common/app-error.js';
import { isUuid } from '../common/request-auth.js';

/** A thread's passage, checked against the reading's current text, with its context recomputed. */
export interface CheckedPassage {
  selector: [TextQuoteSelector, TextPositionSelector];
  quote: string;
  start: number;
  end: number;
}

export function checkedPassage(target: AnnotationTarget, text: string): CheckedPassage {
  const quote = target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
  const position = target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')!;
  if (position.end > text.length)
    throw new AppError('SELECTOR_OUTSIDE_TEXT', undefined, { target: `The reading has ${text.length} characters.` });
  if (text.slice(position.start, position.end) !== quote.exact)
    throw new AppError('SELECTOR_QUOTE_MISMATCH', undefined, { target: 'These words are not at that place.' });
  // The context as this server's anchoring would look for it, whatever the client sent.
  const context = describe(text, position.start, position.end).quote;
  return {
    selector: [{ ...quote, prefix: context.prefix, suffix: context.suffix }, position],
    quote: quote.exact,
    start: position.start,
    end: position.end,
  };
}

/** Refuses a tag that is neither built in nor one of the course's own. */
export function checkTags(tags: readonly string[], courseTags: readonly string[]): string[] {
  const allowed = new Set<string>([...BUILT_IN_ANNOTATION_TAGS, ...courseTags]);
  const unknown = tags.find((tag) => !allowed.has(tag));
  if (unknown !== undefined)
    throw new AppError('TAG_NOT_IN_COURSE', undefined, { tags: `“${unknown}” is not a tag here.` });
  return [...new Set(tags)];
}

/** The ids a body mentions; one that is no user id at all is refused as someone outside the course. */
export function mentionsOf(body: string): string[] {
  const ids = mentionedUserIds(body);
  if (!ids.every((id) => isUuid(id))) throw new AppError('MENTION_NOT_IN_COURSE', undefined, { body: 'Not a member.' });
  return ids;
}
