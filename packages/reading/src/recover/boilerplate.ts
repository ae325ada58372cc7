import type { SourceBlock, Warning } from '../types.js';
import { isPersonName, endsSentence } from './text-shape.js';

// Whole-line site chrome: navigation, sharing widgets, image placeholders.
const CHROME =
  /^(?:related (?:topics|articles|posts|stories|content|reading)|you may also like|recommended|more from .{1,40}|share(?: this(?: article| post| page)?| on \w+)?|tweet|pin it|follow us(?: on .*)?|subscribe(?: now)?|sign up.*newsletter.*|newsletter|read more|advertisement|sponsored(?: content)?|skip to (?:main )?content|menu|search|home|print|print this|email|comments?|leave a (?:comment|reply)|back to top|tags?:.*|categories:.*|filed under:.*|\w+ image|image|photo|loading\.*)$/i;
const COPYRIGHT =
  /^(?:©|\(c\)\s|copyright\b)|all rights reserved|tüm hakları saklıdır|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati/i;
const CONTACT =
  /\b(?:tel|phone|fax|telefon)\s*[:.]?\s*\+?\(?\d|\be-?(?:mail|posta)\s*:|\b[\w.+-]+@[\w-]+\.[\w.]+\b.*\bhttps?:/i;
const BARE_LINK = /^(?:https?:\/\/|www\.)[^\s]+$/i;
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s]{1,3}$/u;
const EXCERPT =
  /^(?:to )?(?:read|continue reading|view)(?: the)? (?:rest|full|remainder|complete|whole|more)\b|^(?:click|tap) here to (?:read|continue)|^read the (?:full|complete) (?:article|story|text|report)/i;
const ABOUT_LABEL = /^about(?: the authors?| the contributors?| us| me)?\s*:?$/i;

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
  const kept = blocks.filter((b) => {
    const t = b.text;
    if (PUNCTUATION_ONLY.test(t) && !/^[A-Za-z]$/.test(t)) return false;
    if (t.length <= 200 && EXCERPT.test(t)) {
      excerpt = true;
      findings.excerptLink = /https?:\/\/\S+/.exec(t)?.[0] ?? null;
      return false;
    }
    if (t.length <= 80 && CHROME.test(t)) return record(t);
    if (t.length <= 300 && COPYRIGHT.test(t)) {
      const holder =
        /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^,.]+?)(?:[.,]|\s+all rights| tüm|$)/i
          .exec(t)?.[1]
          ?.trim();
      if (holder) findings.copyrightHolders.push(holder);
      return record(t);
    }
    if (t.length <= 400 && CONTACT.test(t)) return record(t);
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
      message: `Removed ${dropped.length} line(s) of site chrome or publisher boilerplate (e.g. ${JSON.stringify(dropped[0]!.slice(0, 60))}).`,
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
