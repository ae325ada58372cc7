import type { SourceBlock, Warning } from '../types.js';
import { endsSentence, hasUrl, isPersonName, NOTE_LABEL, quoteExcerpt, textKey } from './text-shape.js';
import { CHROME_WORDS, IMAGE_WORDS, lineWords, STRONG_CHROME_WORDS } from './vocabulary.js';

const CHROME_MAX_WORDS = 6;
const COPYRIGHT_MARK = /^(?:©|\(c\)\s|copyright\b)|©\s*\d{4}|\ball rights reserved\b/i;
const BARE_LINK = /^(?:https?:\/\/|www\.)[^\s]+$/i;
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s]{1,3}$/u;
const EXCERPT =
  /^(?:to |please )?(?:read|continue reading|view|see)(?: the)? (?:rest|full|remainder|complete|whole|entire)\b|^(?:click|tap) here to (?:read|continue)/i;
const ABOUT_LABEL = /^about(?: the authors?| the contributors?| us| me)?\s*:?$/i;
const NOTE_LABEL_START = new RegExp(String.raw`^(?:\[(?:${NOTE_LABEL})\]|[⁰¹²³⁴-⁹]+|\d{1,3}[.)]\s)`, 'i');

/**
 * A widget line: a few words, no sentence, all from the chrome vocabulary and at least one that
 * only chrome uses ("Share this article", "Related Topics", "Print | Email"), or the leftover
 * label of a removed picture ("Featured Image").
 */
function isChromeLine(t: string): boolean {
  if (t.length > 80 || /[.!?]$/.test(t)) return false;
  const ws = lineWords(t.replace(/\.{3}$|…$/, ''));
  if (!ws.length || ws.length > CHROME_MAX_WORDS) return false;
  if (ws.every((w) => CHROME_WORDS.has(w)) && ws.some((w) => STRONG_CHROME_WORDS.has(w))) return true;
  // "More from Harbour Weekly", "Also by this author": links to a site's other pages.
  if (/^(?:more|also|latest) (?:from|by|on|in)\b/i.test(t)) return true;
  return ws.length <= 3 && IMAGE_WORDS.has(ws.at(-1)!) && /^\p{Lu}/u.test(t);
}

/**
 * A line of contact details: at least two of a phone number, an e-mail address, a web address
 * and a social-media handle, and not a note (notes cite e-mails and web pages too).
 */
function isContactLine(t: string): boolean {
  if (t.length > 400 || NOTE_LABEL_START.test(t)) return false;
  const signals = [
    /(?:\b(?:tel|phone|fax|mobile)\b\.?\s*:?\s*|\+)\(?\d[\d ().-]{5,}\d/i.test(t),
    /[\w.+-]+@[\w-]+\.[\w.-]+/.test(t),
    hasUrl(t),
    /(?:^|\s)@[A-Za-z_]\w{2,}/.test(t),
  ];
  return signals.filter(Boolean).length >= 2;
}

/** "© 2019–2024 Harbour Press (HP). All rights reserved." → "Harbour Press (HP)". */
function copyrightHolder(t: string): string | null {
  const after = /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.*)$/i.exec(t)?.[1];
  if (!after) return null;
  let holder = after.split(/[.,;]|\s+all rights\b/i)[0]!.trim();
  // A name followed by its acronym in brackets ends there, whatever the line says next.
  const acronym = /^[^()]+\([\p{Lu}\d&.-]{2,12}\)/u.exec(holder);
  if (acronym) holder = acronym[0];
  return holder || null;
}

/**
 * A page's header and footer often print the same short label (the site's name or slogan) at the
 * top and again at the bottom of a scraped text. Such a line, short, with no sentence, number or
 * name in it, found among the first and among the last few blocks, is chrome.
 */
function edgeRepeats(blocks: SourceBlock[]): Set<string> {
  const edge = Math.min(EDGE_BLOCKS, Math.floor(blocks.length / 3));
  // Names and dates are kept: a byline at the top and an author box at the bottom both name the author.
  const label = (b: SourceBlock) =>
    b.text.length <= 60 && !/[.!?:;,\d]/.test(b.text) && b.kind !== 'heading' && !isPersonName(b.text);
  const head = new Set(
    blocks
      .slice(0, edge)
      .filter(label)
      .map((b) => textKey(b.text)),
  );
  const found = new Set<string>();
  for (const b of blocks.slice(blocks.length - edge))
    if (label(b) && head.has(textKey(b.text))) found.add(textKey(b.text));
  return found;
}

const EDGE_BLOCKS = 8;

export interface BoilerplateFindings {
  /** Domains printed on their own line; a site's name often matches one. */
  domains: string[];
  /** Holders named in copyright lines. */
  copyrightHolders: string[];
  excerptLink: string | null;
}

/** Drops chrome, copyright and contact lines and excerpt notices, keeping what they reveal. */
export function dropBoilerplate(
  blocks: SourceBlock[],
  warnings: Warning[],
): { blocks: SourceBlock[]; findings: BoilerplateFindings } {
  const findings: BoilerplateFindings = { domains: [], copyrightHolders: [], excerptLink: null };
  const dropped: string[] = [];
  let excerpt = false;
  const edges = edgeRepeats(blocks);
  const kept = blocks.filter((b) => {
    const t = b.text;
    if (edges.has(textKey(t))) return record(t);
    if (PUNCTUATION_ONLY.test(t) && !/^[A-Za-z]$/.test(t)) return false;
    if (t.length <= 200 && EXCERPT.test(t)) {
      excerpt = true;
      findings.excerptLink = /https?:\/\/\S+/.exec(t)?.[0] ?? null;
      return false;
    }
    if (isChromeLine(t)) return record(t);
    if (t.length <= 300 && COPYRIGHT_MARK.test(t)) {
      const holder = copyrightHolder(t);
      if (holder) findings.copyrightHolders.push(holder);
      return record(t);
    }
    if (isContactLine(t)) return record(t);
    if (BARE_LINK.test(t)) {
      const host = /^(?:https?:\/\/)?(?:www\.)?([^/\s]+)/i.exec(t)?.[1];
      if (host) findings.domains.push(host);
      return record(t);
    }
    return true;
  });
  if (excerpt) {
    warnings.push({
      code: 'EXCERPT_ONLY',
      message: `This source is only an excerpt: it tells the reader to read the rest of the article elsewhere${findings.excerptLink ? ` (${findings.excerptLink})` : ''}. Import the full text if you can.`,
    });
  }
  if (dropped.length)
    warnings.push({
      code: 'BOILERPLATE_REMOVED',
      message: `Removed ${dropped.length} line(s) of site chrome or publisher boilerplate (e.g. ${quoteExcerpt(dropped[0]!, 60)}).`,
    });
  return { blocks: kept, findings };

  function record(t: string): false {
    dropped.push(t);
    return false;
  }
}

/**
 * An "About the author" box: its label goes, a bare name line becomes an author, short
 * unpunctuated tag lines (site slogans) go, and the biography stays as type "about".
 */
export function markAboutSections(
  blocks: SourceBlock[],
  warnings: Warning[],
): { blocks: SourceBlock[]; authors: string[] } {
  const authors: string[] = [];
  const out: SourceBlock[] = [];
  let inAbout = false;
  for (const b of blocks) {
    if (ABOUT_LABEL.test(b.text)) {
      inAbout = true;
      continue;
    }
    if (!inAbout || b.kind === 'heading') {
      inAbout = false;
      out.push(b);
      continue;
    }
    if (isPersonName(b.text)) {
      authors.push(b.text);
      continue;
    }
    const bioOf =
      /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}) (?:is|was|has been|serves as) (?:an?|the)\b/u.exec(
        b.text,
      )?.[1];
    if (bioOf && isPersonName(bioOf)) authors.push(bioOf);
    if (b.text.length < 80 && !endsSentence(b.text)) continue;
    out.push({ ...b, kind: 'about' });
  }
  if (out.some((b) => b.kind === 'about'))
    warnings.push({
      code: 'ABOUT_BOX',
      message: 'An "about the author" box was recognised; its biography is kept as an "about" block.',
    });
  return { blocks: out, authors };
}

/** "T" / "he river rose" → "The river rose": a decorative initial split off its paragraph. */
export function rejoinDropCaps(blocks: SourceBlock[], warnings: Warning[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  let repaired = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (/^\p{Lu}$/u.test(b.text) && next && /^\p{Ll}/u.test(next.text)) {
      out.push({ ...next, text: b.text + next.text, pageBreakBefore: b.pageBreakBefore });
      repaired++;
      i++;
      continue;
    }
    out.push(b);
  }
  if (repaired)
    warnings.push({
      code: 'DROP_CAP_REPAIRED',
      message: `Rejoined ${repaired} decorative initial letter(s) to their paragraph (e.g. "T" + "he" → "The").`,
    });
  return out;
}
