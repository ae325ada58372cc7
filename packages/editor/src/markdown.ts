import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import type { DerivedCitation } from './derive.js';
import { destination, escapeLineStart, escapeText } from './markdown-escape.js';
import { inlineMarkdown } from './markdown-inline.js';
import { citationOf, headingLevel, integerAttr, stringAttr } from './node-attrs.js';
import { safeHref } from './safe-url.js';
import { toDocumentNode } from './ydoc.js';

export interface MarkdownOptions {
  /** Where a citation's footnote links back to: the reader, opened on the passage. */
  readingUrl(citation: DerivedCitation): string;
  /** Where a wiki link points in the export; without it (or when it answers undefined) `[[title]]` is kept. */
  wikiLinkUrl?(link: { title: string; pageId: string | null }): string | undefined;
}

function quoteLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : prefix.trimEnd()))
    .join('\n');
}

function indent(text: string, first: string): string {
  const pad = ' '.repeat(first.length);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? pad + line : ''))
    .join('\n');
}

/** The marker each list type starts its items with; lists sharing one would run together. */
const LIST_MARKERS: Record<string, string | undefined> = { bulletList: '-', taskList: '-', orderedList: '.' };

class MarkdownWriter {
  /** The citations met so far; footnote n is footnotes[n - 1]. */
  private readonly footnotes: DerivedCitation[] = [];

  constructor(private readonly options: MarkdownOptions) {}

  document(doc: ProseMirrorNode): string {
    const body = this.blocks(doc);
    const notes = this.footnotes.map((citation, i) => `[^${i + 1}]: ${this.footnoteText(citation)}`);
    return [body, ...(notes.length ? [notes.join('\n')] : [])].filter(Boolean).join('\n\n') + '\n';
  }

  private footnoteText(citation: DerivedCitation): string {
    const title = citation.readingTitle.trim() || 'Untitled reading';
    const url = safeHref(this.options.readingUrl(citation));
    const link = url ? ` [Open the passage](${destination(url)})` : '';
    const quote = citation.quote.replace(/\s+/g, ' ').trim();
    return `*${escapeText(title)}*: “${escapeText(quote)}”${link}`;
  }

  /**
   * Blocks with a blank line between them, with two exceptions Markdown needs: a list nested in a
   * list item follows its paragraph directly (a blank line would loosen the list), and two lists
   * with the same marker get an empty comment between them (they would merge into one list).
   */
  private blocks(parent: ProseMirrorNode): string {
    let out = '';
    let previous: ProseMirrorNode | undefined;
    parent.forEach((child) => {
      const text = this.block(child);
      if (text === '') return;
      if (previous) out += this.separator(previous, child, parent);
      out += text;
      previous = child;
    });
    return out;
  }

  private separator(previous: ProseMirrorNode, next: ProseMirrorNode, parent: ProseMirrorNode): string {
    const inItem = parent.type.name === 'listItem' || parent.type.name === 'taskItem';
    if (inItem && LIST_MARKERS[next.type.name]) return '\n';
    const marker = LIST_MARKERS[previous.type.name];
    return marker && marker === LIST_MARKERS[next.type.name] ? '\n\n<!-- -->\n\n' : '\n\n';
  }

  private block(node: ProseMirrorNode): string {
    switch (node.type.name) {
      case 'paragraph':
        return this.inline(node)
          .split('\n')
          .map((line) => escapeLineStart(line))
          .join('\n');
      case 'heading': {
        const text = this.inline(node, ' ');
        return text && `${'#'.repeat(headingLevel(node))} ${text}`;
      }
      case 'blockquote':
        return quoteLines(this.blocks(node), '> ');
      case 'citation': {
        const { quote, footnote } = this.citation(node);
        return quoteLines(quote + footnote, '> ');
      }
      case 'codeBlock':
        return this.codeBlock(node);
      case 'horizontalRule':
        return '---';
      case 'bulletList':
        return this.list(node, () => '- ');
      case 'orderedList': {
        const start = integerAttr(node, 'start', 0, 999_999_999) ?? 1;
        return this.list(node, (i) => `${start + i}. `);
      }
      case 'taskList':
        return this.list(node, (_i, item) => (item.attrs.checked ? '- [x] ' : '- [ ] '));
      case 'table':
        return this.table(node);
      default:
        return node.isTextblock ? this.inline(node) : this.blocks(node);
    }
  }

  /** The quoted words and their footnote mark; a citation that lost its reading has no footnote. */
  private citation(node: ProseMirrorNode): { quote: string; footnote: string } {
    const quote = escapeText(node.textContent.trim());
    const citation = citationOf(node);
    if (!citation) return { quote, footnote: '' };
    this.footnotes.push(citation);
    return { quote, footnote: `[^${this.footnotes.length}]` };
  }

  private codeBlock(node: ProseMirrorNode): string {
    const code = node.textContent;
    const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const language = stringAttr(node, 'language').replace(/[^\w+#.-]/g, '');
    return `${fence}${language}\n${code}\n${fence}`;
  }

  private list(node: ProseMirrorNode, marker: (index: number, item: ProseMirrorNode) => string): string {
    const items: string[] = [];
    node.forEach((item, _offset, index) => items.push(indent(this.blocks(item) || '', marker(index, item))));
    return items.join('\n');
  }

  private table(node: ProseMirrorNode): string {
    const rows: string[][] = [];
    node.forEach((row) => {
      const cells: string[] = [];
      row.forEach((cell) => cells.push(this.cell(cell)));
      rows.push(cells);
    });
    const width = Math.max(1, ...rows.map((cells) => cells.length));
    const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
    // GFM tables need a header row: the table's first row is it, whether or not it was marked so.
    const [header = [], ...body] = rows;
    return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
  }

  /** A cell's paragraphs on one line: a GFM cell cannot hold a line break. */
  private cell(cell: ProseMirrorNode): string {
    const parts: string[] = [];
    cell.forEach((block) => {
      if (block.type.name === 'citation') {
        const { quote, footnote } = this.citation(block);
        parts.push(`“${quote}”${footnote}`);
      } else parts.push(block.isTextblock ? this.inline(block, ' ') : escapeText(block.textContent));
    });
    return parts.join(' ').replace(/\n/g, ' ').trim();
  }

  /** A textblock's content; where a line cannot break (headings, table cells) a break is a space. */
  private inline(node: ProseMirrorNode, lineBreak = '\\\n'): string {
    return inlineMarkdown(node, { lineBreak, wikiLink: (link) => this.wikiLink(link) });
  }

  private wikiLink(node: ProseMirrorNode): string {
    const title = stringAttr(node, 'title');
    if (!title) return '';
    const url = safeHref(this.options.wikiLinkUrl?.({ title, pageId: stringAttr(node, 'pageId') || null }));
    return url ? `[${escapeText(title)}](${destination(url)})` : `[[${title.replace(/[[\]\\]/g, '\\$&')}]]`;
  }
}

/**
 * A note or wiki page as Markdown for export: GFM tables and task lists, citations as blockquotes
 * with footnotes naming the reading, quoting the passage and linking back to it.
 */
export function toMarkdown(source: Y.Doc | JSONContent, options: MarkdownOptions): string {
  return new MarkdownWriter(options).document(toDocumentNode(source));
}
