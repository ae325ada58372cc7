import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoFromTimestamp } from '../recover/dates.js';
import type { SourceDoc, SourceMeta, Warning } from '../types.js';
import { htmlToBlocks, type DomNode } from './html-blocks.js';

/**
 * Web pages: Readability finds the article (dropping navigation, ads and sidebars); the page's
 * metadata supplies title, byline, site name and date when it has them.
 */
export function parseHtml(html: string): SourceDoc {
  const warnings: Warning[] = [];
  const { document } = parseHTML(html);
  const meta = readMeta(document);
  const article = new Readability(document.cloneNode(true) as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  let root: DomNode;
  if (article?.content) {
    root = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as DomNode;
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
  // "Headline | Site": the site part is not the title.
  if (meta.title && meta.publisher) {
    const parts = meta.title.split(/\s+[|–—-]\s+/);
    if (parts.length > 1)
      meta.title = parts.filter((p) => p.trim().toLowerCase() !== meta.publisher!.toLowerCase()).join(' – ');
  }
  return { format: 'html', blocks: htmlToBlocks(root), notes: [], meta, warnings };
}

type MetaDocument = {
  querySelector(sel: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
};

function readMeta(document: unknown): SourceMeta {
  const doc = document as MetaDocument;
  const content = (sel: string) => doc.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  const author = content('meta[name="author"]') ?? content('meta[property="article:author"]');
  return {
    title: content('meta[property="og:title"]') ?? content('meta[name="twitter:title"]'),
    publisher: content('meta[property="og:site_name"]'),
    publishedAt:
      isoFromTimestamp(content('meta[property="article:published_time"]') ?? content('meta[name="date"]')) ?? undefined,
    authors: author && !/^https?:/.test(author) ? [author] : undefined,
  };
}
