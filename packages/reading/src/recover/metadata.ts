import type { SourceBlock, SourceMeta, Warning } from '../types.js';
import type { BoilerplateFindings } from './boilerplate.js';
import { findDates, isDateLine, isTimestampLine, stripDates } from './dates.js';
import {
  endsSentence,
  fixNameCase,
  fixShouting,
  isPersonName,
  isTitleLike,
  quoteExcerpt,
  textKey,
  wordCount,
} from './text-shape.js';
import { tocKey, type TocEntry } from './toc.js';
import { DESK_WORDS, lineWords, NEWS_AGENCIES, ORG_WORDS } from './vocabulary.js';

export interface Metadata {
  title: string;
  subtitle: string | null;
  authors: string[];
  publisher: string | null;
  publishedAt: string | null;
}

const hasOrgWord = (s: string): boolean => lineWords(s).some((w) => ORG_WORDS.has(w));
const BYLINE = /^(?:by|written by|words by)\s+(.+)$/i;
const CAPTION =
  /^(?:(?:figure|fig\.|table|chart|map|plate|illustration|photo(?:graph)?|image)\s*\d*[.:]\s|(?:photo|image|picture|illustration)s?\s+(?:via|by|courtesy|credit|from)\b|(?:source|credit)s?:\s)/i;
const SEPARATOR = /\s+[-–—|]\s*|\s*[-–—|]\s+/;

export const isCaptionLine = (s: string): boolean => s.length <= 300 && CAPTION.test(s);

// Bylines, dates and credits are short; longer lines are not tested, which keeps huge blocks cheap.
const MAX_METADATA_LINE = 300;
const isMetadataLine = (t: string): boolean =>
  t.length <= MAX_METADATA_LINE &&
  (BYLINE.test(t) || isDateLine(t) || isTimestampLine(t) || isPersonName(stripDates(t)) || isCaptionLine(t));

/**
 * The line that starts the body: the first heading of the contents, a long paragraph, a short
 * heading over one (or a section heading over a subheading over one), or a sentence of some
 * length with no byline or date below it (a publication note above the byline, "This essay
 * appeared in …", is front matter).
 */
function isBodyStart(blocks: SourceBlock[], i: number, firstHeading: string | null): boolean {
  const b = blocks[i]!;
  if (firstHeading !== null && b.text.length <= 200 && tocKey(b.text) === firstHeading) return true;
  if (isMetadataLine(b.text)) return false;
  // Markup (HTML, Markdown, DOCX) already says what a block is.
  if (b.kind) return true;
  if (b.text.length >= 150) return true;
  if (isTitleLike(b.text)) {
    // Only a line named like a section ("1. Origins", "Chapter 2") stands over a subheading.
    const over = SECTION_NAME.test(b.text) ? 3 : 2;
    for (let k = i + 1; k < Math.min(blocks.length, i + over); k++) {
      const next = blocks[k]!.text;
      if (next.length >= 120) return true;
      if (!isTitleLike(next) || isMetadataLine(next)) break;
    }
  }
  const bylineFollows = blocks.slice(i + 1, i + 3).some((n) => BYLINE.test(n.text) || isDateLine(n.text));
  return endsSentence(b.text) && wordCount(b.text) >= 12 && !bylineFollows;
}

/**
 * Reads title, subtitle, authors, publisher and date from the lines before the body, and drops
 * those lines. The headline is the first title-like line with a date or byline close below it (or
 * in it); anything before it is page chrome or a stray earlier copy of the article.
 */
export function readFrontMatter(
  blocks: SourceBlock[],
  given: SourceMeta,
  toc: TocEntry[],
  findings: BoilerplateFindings,
  warnings: Warning[],
): { meta: Metadata; blocks: SourceBlock[] } {
  // A placeholder the authoring tool wrote in the properties is no title: the page's headline is.
  const source = given.title && isPlaceholderTitle(given.title) ? { ...given, title: undefined } : given;
  // A title from the source's own metadata is trusted; the headline line repeating it is found near the top.
  const h = source.title
    ? blocks.slice(0, 5).findIndex((b) => textKey(b.text) === textKey(source.title!))
    : findHeadline(blocks);
  const head = h >= 0 ? blocks[h]! : undefined;
  let bodyStart = h + 1;
  const firstHeading = toc[0] ? tocKey(toc[0].text) : null;
  while (bodyStart < blocks.length && !isBodyStart(blocks, bodyStart, firstHeading)) bodyStart++;
  // A short text may have no block long enough to look like body text: it starts after the byline.
  if (bodyStart === blocks.length) {
    bodyStart = h + 1;
    while (bodyStart < blocks.length && isMetadataLine(blocks[bodyStart]!.text)) bodyStart++;
  }
  // With a title from metadata the page may not repeat it, but a byline can still open the text.
  const hasHead = h >= 0 || source.title !== undefined;
  if (!hasHead) bodyStart = 0;
  // A timestamp over the first paragraph ("1:39 pm ET") is front matter even where no headline is.
  while (bodyStart < blocks.length && isTimestampLine(blocks[bodyStart]!.text)) bodyStart++;
  const front = blocks.slice(h + 1, bodyStart);

  let title = source.title ?? '';
  let publisher = source.publisher ?? null;
  const dates: string[] = source.publishedAt ? [source.publishedAt] : [];
  const authors: string[] = [...(source.authors ?? [])];
  let subtitle = source.subtitle ?? null;

  if (head) {
    const split = splitPageTitle(head.text, front, findings);
    title ||= split.title;
    publisher ??= split.publisher;
    dates.push(...findDates(head.text));
  }
  const titleKey = textKey(title);
  const captions: SourceBlock[] = [];
  let sawByline = false;
  const unused: string[] = [];
  for (const b of front) {
    const t = b.text;
    if (textKey(t) === titleKey) continue;
    if (isTimestampLine(t)) {
      dates.push(...findDates(t));
      continue;
    }
    if (isCaptionLine(t)) {
      captions.push({ ...b, kind: 'caption' });
      continue;
    }
    const lineDates = findDates(t);
    dates.push(...lineDates);
    const withoutDate = stripDates(t);
    const byline = BYLINE.exec(withoutDate)?.[1];
    if (byline) {
      authors.push(...splitAuthors(byline));
      sawByline = true;
    } else if (isPersonName(withoutDate)) {
      authors.push(withoutDate);
      sawByline = true;
    } else if (!subtitle && !sawByline && !lineDates.length && isTitleLike(t) && !hasOrgWord(t)) {
      subtitle = t;
    } else if (hasOrgWord(withoutDate) && withoutDate.length <= 80 && !endsSentence(withoutDate)) {
      // An organisation named under the authors is where they work (a paper's affiliations).
      if (!publisher && !sawByline) publisher = withoutDate.replace(/,.*$/, '').trim();
    } else if (!lineDates.length) {
      unused.push(t);
    }
  }

  if (unused.length)
    warnings.push({
      code: 'FRONT_MATTER_DROPPED',
      message: `${unused.length} line(s) between the title and the text were left out as front matter (e.g. ${quoteExcerpt(unused[0]!)}).`,
    });
  const pre = h > 0 ? blocks.slice(0, h) : [];
  const body = withoutOpeningTimestamps([...captions, ...blocks.slice(bodyStart)], dates);
  const kept = keepOrDropPreamble(pre, body, warnings);

  publisher ??= findings.copyrightHolders[0] ?? siteNameFromDomain(findings.domains, [...pre, ...body]);
  const uniqueDates = [...new Set(dates)];
  if (uniqueDates.length > 1)
    warnings.push({
      code: 'DATE_CONFLICT',
      message: `The source gives different dates (${uniqueDates.join(', ')}); ${uniqueDates[0]} was taken as the publication date.`,
    });
  if (!title) {
    const first = body.find((b) => b.text.length > 0)?.text ?? 'Untitled';
    title = first.length > 80 ? first.slice(0, 77).replace(/\s+\S*$/, '') + '…' : first;
    warnings.push({
      code: 'NO_TITLE',
      message: 'No title was found; the opening words stand in for it. Please set a title.',
    });
  }
  return {
    meta: {
      title: fixShouting(title.trim()),
      subtitle: subtitle ? fixShouting(subtitle) : null,
      authors: [...new Set(authors.map(fixNameCase))].filter((a) => !isAgencyCredit(a)),
      publisher: publisher ? fixShouting(publisher.trim()) : null,
      publishedAt: uniqueDates[0] ?? null,
    },
    blocks: [...kept, ...body],
  };
}

/**
 * Titles that authoring tools write into document properties when nobody set one: a blank page's
 * address, "Untitled", "Microsoft Word - draft.docx", a file name or a URL. They name no reading.
 */
const PLACEHOLDER_TITLE =
  /^(?:about:\S*|untitled(?:\s+document)?(?:\s*\d+)?|document\s*\d*|new document|title|no title|\s*)$|^(?:microsoft\s+(?:word|powerpoint|excel)|libreoffice|openoffice)\b|^(?:https?|file|blob|data):|^www\.|\.(?:docx?|odt|rtf|pdf|txt|html?|indd|tex|dvi|pages)$/i;

export const isPlaceholderTitle = (s: string): boolean => PLACEHOLDER_TITLE.test(s.trim());

/**
 * A timestamp standing among the opening blocks, before the first paragraph of some length (under
 * a headline the metadata words differently, say), is dropped too; its date counts.
 */
function withoutOpeningTimestamps(body: SourceBlock[], dates: string[]): SourceBlock[] {
  const opening = body.findIndex((b) => b.text.length >= 150);
  return body.filter((b, i) => {
    if (i >= opening || !isTimestampLine(b.text)) return true;
    dates.push(...findDates(b.text));
    return false;
  });
}

function findHeadline(blocks: SourceBlock[]): number {
  const limit = Math.min(blocks.length, 60);
  const candidate = (i: number) => {
    const t = blocks[i]!.text;
    return (
      (isTitleLike(t) || findDates(t).length > 0) &&
      !isTimestampLine(t) &&
      !isDateLine(t) &&
      !isCaptionLine(t) &&
      t.length <= 250
    );
  };
  for (let i = 0; i < limit; i++) {
    if (!candidate(i)) continue;
    if (
      findDates(blocks[i]!.text).length &&
      isTitleLike(
        blocks[i]!.text.replace(/[\d./-]+$/, '')
          .replace(SEPARATOR, ' ')
          .trim(),
      )
    )
      return i;
    for (let k = i + 1; k <= i + 3 && k < blocks.length; k++) {
      const t = blocks[k]!.text;
      if (t.length >= 200) break;
      if (isDateLine(t) || BYLINE.test(t) || (findDates(t).length && isPersonName(t.split(SEPARATOR)[0] ?? '')))
        return i;
    }
  }
  // Otherwise an opening title-like line is the title, unless it is a generic section name.
  const first = blocks[0];
  return first && candidate(0) && first.kind !== 'paragraph' && !SECTION_NAME.test(first.text) ? 0 : -1;
}

const SECTION_NAME =
  /^(?:introduction|abstract|summary|preface|foreword|contents|table of contents|chapter\b|part\b|section\b|\d+(?:\.\d+)*\.?\s)/i;

/** "Site - Headline", "HEADLINE - PUBLISHER - 05.11.2019": which part is the headline. */
function splitPageTitle(
  text: string,
  front: SourceBlock[],
  findings: BoilerplateFindings,
): { title: string; publisher: string | null } {
  const parts = text
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return { title: text, publisher: null };
  const frontKeys = new Set(front.map((b) => textKey(b.text)));
  const holders = findings.copyrightHolders.map(textKey);
  const words = parts.filter((p) => !findDates(p).length && !/^[\d./-]+$/.test(p));
  const repeated = words.find((p) => frontKeys.has(textKey(p)));
  const named = words.find((p) => holders.some((h) => h.includes(textKey(p)) || textKey(p).includes(h)));
  const isComposite = repeated || named || words.length < parts.length;
  if (!isComposite || !words.length) return { title: text, publisher: null };
  // The site's part is the one named in the copyright line, or the one that sounds like an organisation.
  const site = named ?? (words.length > 1 ? words.find((p) => p !== repeated && hasOrgWord(p)) : undefined);
  const title = repeated ?? words.filter((p) => p !== site).reduce((a, b) => (b.length > a.length ? b : a), '');
  const rest = words.filter((p) => p !== title);
  return { title: title || text, publisher: site ?? (rest.length === 1 ? rest[0]! : null) };
}

/** "Reuters", "AP staff", "Wire services", or nothing at all: a credit that names no person. */
export function isAgencyCredit(name: string): boolean {
  const rest = lineWords(name)
    .filter((w) => !DESK_WORDS.has(w))
    .join(' ');
  return rest === '' || NEWS_AGENCIES.has(rest);
}

function splitAuthors(s: string): string[] {
  return s
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((x) => x.trim())
    .filter((x) => isPersonName(x));
}

/**
 * Lines before the headline are dropped when they are only chrome or an earlier copy of text
 * found again below; otherwise they are kept, with a warning, since they may be real content.
 */
function keepOrDropPreamble(pre: SourceBlock[], body: SourceBlock[], warnings: Warning[]): SourceBlock[] {
  const substantive = pre.filter((b) => b.text.length >= 60);
  if (!substantive.length) return [];
  const bodyKeys = new Set(body.map((b) => textKey(b.text)));
  const repeated = substantive.filter((b) => bodyKeys.has(textKey(b.text))).length;
  if (repeated >= substantive.length * 0.6) {
    warnings.push({
      code: 'DUPLICATE_REMOVED',
      message: `The text appeared twice; an earlier copy (${pre.length} blocks, printed before the headline) was removed.`,
    });
    return [];
  }
  warnings.push({
    code: 'TEXT_BEFORE_TITLE',
    message: `${pre.length} block(s) stand before the title; check that they belong to the reading.`,
  });
  return pre;
}

// "eveningpost.com" names "Evening Post": same letters once spaces and doubled letters go.
function siteNameFromDomain(domains: string[], blocks: SourceBlock[]): string | null {
  const squash = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\d]/gu, '')
      .replace(/(.)\1+/g, '$1');
  for (const d of [...new Set(domains)].slice(0, 5)) {
    const label = squash(d.split('.').slice(-2, -1)[0] ?? d);
    if (label.length < 4) continue;
    for (const b of blocks) {
      for (const m of b.text.matchAll(/\p{Lu}[\p{L}&'’-]*(?:\s+(?:&\s+|of\s+|the\s+)?\p{Lu}[\p{L}'’-]*){0,5}/gu)) {
        if (squash(m[0]) === label) return m[0];
      }
    }
  }
  return null;
}

/** "… is a correspondent for The Harbour Gazette." in an author box names the publication. */
export function publisherFromAuthorBox(blocks: SourceBlock[]): string | null {
  for (const b of blocks) {
    if (b.kind !== 'about') continue;
    const m =
      /\b(?:correspondent|contributor|columnist|editor|writer|reporter|fellow)\s+(?:for|at|with)\s+(\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*){0,4})/u.exec(
        b.text,
      );
    if (m) return m[1]!;
  }
  return null;
}
