import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ReadingImportError } from '../errors.js';
import { MAX_HTML_DEPTH } from '../limits.js';
import { isoFromTimestamp } from '../recover/dates.js';
import type { SourceDoc, SourceMeta, Warning } from '../types.js';
import { htmlToBlocks, type DomNode } from './html-blocks.js';
import { decodeTextReferences } from './html-entities.js';
import { takeLinkedNotes, type Doc, type El } from './html-notes.js';

/**
 * Web pages: the notes are followed from their calls first, widgets that Readability keeps
 * (cookie banners, share bars) go, then Readability finds the article (dropping navigation, ads
 * and sidebars); the page's metadata supplies title, byline, site name and date.
 */
export async function parseHtml(html: string, progress: (fraction: number) => void): Promise<SourceDoc> {
  const warnings: Warning[] = [];
  const { document } = parseHTML(decodeTextReferences(html)) as unknown as { document: Doc };
  // The parser still cuts text at each "<" and kept reference; one node per run is cheaper to read.
  document.documentElement.normalize();
  const depth = treeDepth(document.documentElement);
  if (depth > MAX_HTML_DEPTH)
    throw new ReadingImportError(
      'TOO_COMPLEX',
      `This page nests its elements ${depth} levels deep, more than the ${MAX_HTML_DEPTH} we read. Save the article alone (for example from the browser's reader view) and import that.`,
    );
  progress(0.3);
  const meta = readMeta(document);
  const notes = takeLinkedNotes(document);
  const widgets = removeWidgets(document);
  await new Promise((resolve) => setImmediate(resolve));
  const article = new Readability(document.cloneNode(true) as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  progress(0.8);
  let root: DomNode;
  if (article?.content) {
    root = parseHTML(`<!doctype html><html><body>${decodeTextReferences(article.content)}</body></html>`).document
      .body as unknown as DomNode;
    meta.title ||= article.title?.trim() || undefined;
    meta.publisher ||= article.siteName?.trim() || undefined;
    meta.publishedAt ||= isoFromTimestamp(article.publishedTime) ?? undefined;
    const byline = article.byline?.replace(/^by\s+/i, '').trim();
    if (byline && !meta.authors?.length) meta.authors = byline.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  } else {
    warnings.push({
      code: 'NO_ARTICLE_FOUND',
      message: 'No main article was recognised in this page; the whole page text was imported.',
    });
    root = document.body as unknown as DomNode;
  }
  if (widgets)
    warnings.push({
      code: 'BOILERPLATE_REMOVED',
      message: `Removed ${widgets} page widget(s) such as cookie notices, sharing bars or newsletter boxes.`,
    });
  if (meta.title && meta.publisher) meta.title = withoutSiteName(meta.title, meta.publisher);
  return { format: 'html', blocks: htmlToBlocks(root), notes, meta, warnings };
}

/**
 * "Headline | Site" or "Site - Headline": the site's part at either end is not the title. Only
 * that part goes; the headline keeps its own punctuation, hyphens included.
 */
function withoutSiteName(title: string, site: string): string {
  const name = site.trim().toLowerCase();
  const parts = title.split(/(\s+[|–—-]\s+)/);
  if (parts.length < 3) return title;
  if (parts.at(-1)!.trim().toLowerCase() === name) return parts.slice(0, -2).join('');
  if (parts[0]!.trim().toLowerCase() === name) return parts.slice(2).join('');
  return title;
}

/** Depth of the element tree, walked without recursion so that a hostile page cannot overflow the stack. */
function treeDepth(root: El): number {
  let max = 0;
  const stack: Array<[El, number]> = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_HTML_DEPTH) return max;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return max;
}

// Class and id words of page widgets that Readability's own filters let through.
const WIDGET_WORDS =
  /^(?:cookies?|consent|gdpr|share|sharing|social|newsletter|subscribe|subscription|signup|promo|advert|advertisement|ads?|sponsor(?:ed)?|popup|modal|paywall|related|recommended|breadcrumbs?|toolbar)$/i;
const WIDGET_ROLES = /^(?:dialog|alertdialog|navigation|search|complementary|contentinfo)$/i;
const PROTECTED = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/**
 * Removes widgets named as such by their role or their class and id words ("cookie-banner",
 * "share_bar", role="dialog"), unless they hold most of the page's text (a page wrapper can be
 * called "has-share-bar").
 */
function removeWidgets(document: Doc): number {
  const bodyText = (document.body.textContent ?? '').length;
  let removed = 0;
  for (const el of Array.from(document.querySelectorAll('[class],[id],[role],[aria-modal]'))) {
    if (PROTECTED.has(el.tagName) || !isWidget(el)) continue;
    if ((el.textContent ?? '').length > bodyText / 2) continue;
    el.remove();
    removed++;
  }
  return removed;
}

function isWidget(el: El): boolean {
  if (WIDGET_ROLES.test(el.getAttribute('role') ?? '') || el.getAttribute('aria-modal') === 'true') return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names.split(/[\s_-]+/).some((w) => WIDGET_WORDS.test(w));
}

type MetaDocument = {
  querySelector(sel: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
  querySelectorAll(sel: string): ArrayLike<{ getAttribute(n: string): string | null }>;
};

/** Open Graph, scholarly (Highwire "citation_") and Dublin Core tags, and the first <time> element. */
function readMeta(document: unknown): SourceMeta {
  const doc = document as MetaDocument;
  const content = (...selectors: string[]) => {
    for (const sel of selectors) {
      const value = doc.querySelector(sel)?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const citationAuthors = Array.from(doc.querySelectorAll('meta[name="citation_author"]'))
    .map((m) => m.getAttribute('content')?.trim() ?? '')
    .filter(Boolean)
    .map((a) => a.replace(/^([^,]+),\s*(.+)$/, '$2 $1'));
  const author = content('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator" i]');
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  return {
    title: content(
      'meta[name="citation_title"]',
      'meta[property="og:title"]',
      'meta[name="twitter:title"]',
      'meta[name="dc.title" i]',
    ),
    publisher: content(
      'meta[property="og:site_name"]',
      'meta[name="citation_journal_title"]',
      'meta[name="citation_publisher"]',
      'meta[name="dc.publisher" i]',
    ),
    publishedAt:
      isoFromTimestamp(
        content(
          'meta[property="article:published_time"]',
          'meta[name="citation_publication_date"]',
          'meta[name="citation_date"]',
          'meta[name="date"]',
          'meta[name="dc.date" i]',
        ) ?? time,
      ) ?? undefined,
    authors: citationAuthors.length ? citationAuthors : author && !/^https?:/.test(author) ? [author] : undefined,
  };
}
