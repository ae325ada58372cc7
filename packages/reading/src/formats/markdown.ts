import { Lexer, type Token, type Tokens } from 'marked';
import { ReadingImportError } from '../errors.js';
import { MAX_MARKDOWN_NESTING } from '../limits.js';
import { isoFromTimestamp } from '../recover/dates.js';
import type { Note, SourceBlock, SourceDoc, SourceMeta, Warning } from '../types.js';

// A definition runs on over indented lines, and over blank lines when indented text follows them.
const FOOTNOTE_DEF = /^\[\^([^\]\s]{1,100})\]:[ \t]*(.*(?:\n(?:[ \t]*\n)*(?: {2,}|\t)\S.*)*)/gm;
const FOOTNOTE_REF = /\[\^([^\]\s]{1,100})\]/g;

/** Markdown: structure comes from the markup; footnotes ([^1]) and YAML front matter are read too. */
export function parseMarkdown(source: string): SourceDoc {
  const warnings: Warning[] = [];
  const { meta, body } = frontMatter(source.replace(/\r\n?/g, '\n'));
  checkNesting(body);
  const defs: Note[] = [];
  const withoutDefs = body.replace(FOOTNOTE_DEF, (_, label: string, text: string) => {
    defs.push({ label, text: text.replace(/\s+/g, ' ').trim() });
    return '';
  });
  const printed = printedLabels(withoutDefs, defs);
  const notes = defs.map((n) => ({ ...n, label: printed.get(n.label) ?? n.label }));
  // Escaped brackets survive the lexer as literal "[1]", which the shared note pass reads.
  const text = withoutDefs.replace(FOOTNOTE_REF, (_, label: string) => `\\[${printed.get(label) ?? label}\\]`);
  const blocks: SourceBlock[] = [];
  const lexer = new BoundedLexer({ gfm: true });
  for (const token of lexer.lex(text)) collect(token, blocks, false);
  if (lexer.plainPieces)
    warnings.push({
      code: 'MARKDOWN_KEPT_PLAIN',
      message: `${lexer.plainPieces} passage(s) crowded with * or _ marks were kept as plain text rather than read as emphasis.`,
    });
  const first = blocks[0];
  if (!meta.title && first?.kind === 'heading' && first.level === 1) {
    meta.title = first.text;
    blocks.shift();
  }
  return { format: 'markdown', blocks, notes, meta, warnings };
}

/**
 * marked handles nested quotes and lists by recursion over the remaining text, which slows down
 * steeply with depth; nothing written by hand nests this deep.
 */
function checkNesting(text: string): void {
  let deepest = 0;
  for (const line of text.split('\n')) {
    if (THEMATIC_BREAK.test(line)) continue;
    let containers = 0;
    let indent = 0;
    CONTAINER.lastIndex = 0;
    for (let m = CONTAINER.exec(line); m; m = CONTAINER.exec(line)) {
      containers++;
      indent += m[1]!.replace(/\t/g, '    ').length;
    }
    if (containers) deepest = Math.max(deepest, containers + Math.floor(indent / 4));
  }
  if (deepest > MAX_MARKDOWN_NESTING)
    throw new ReadingImportError(
      'TOO_COMPLEX',
      `This Markdown nests quotes or lists about ${deepest} levels deep, more than the ${MAX_MARKDOWN_NESTING} we read.`,
    );
}

// Quote and list markers opening a line, each maybe indented: "> > - 1. text".
const CONTAINER = /([ \t]*)(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/y;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Rendered Markdown numbers its footnotes 1, 2, 3 in the order they are first cited, whatever
 * their names in the source ("[^bees]"); numeric names are already what the reader sees.
 */
function printedLabels(text: string, defs: Note[]): Map<string, string> {
  const labels = new Map<string, string>();
  if (defs.every((d) => /^\d{1,3}$/.test(d.label))) return labels;
  for (const m of text.matchAll(FOOTNOTE_REF)) if (!labels.has(m[1]!)) labels.set(m[1]!, String(labels.size + 1));
  for (const d of defs) if (!labels.has(d.label)) labels.set(d.label, String(labels.size + 1));
  return labels;
}

// marked's emphasis matching is quadratic in the length of an inline run and worse in its number of
// * and _ marks, so a hostile paragraph would stall the import. Long runs are lexed in pieces cut
// at a sentence end, and a piece thick with marks, which no prose is, is kept as plain text.
const MAX_INLINE_RUN = 5_000;
const MAX_EMPHASIS_MARKS = 200;

class BoundedLexer extends Lexer {
  /** Pieces kept as plain text because of their marks. */
  plainPieces = 0;

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    for (let at = 0; at < src.length;) {
      const end = pieceEnd(src, at);
      const piece = at === 0 && end === src.length ? src : src.slice(at, end);
      if ((piece.match(/[*_]/g)?.length ?? 0) > MAX_EMPHASIS_MARKS) {
        tokens.push({ type: 'text', raw: piece, text: piece });
        this.plainPieces++;
      } else super.inlineTokens(piece, tokens);
      at = end;
    }
    return tokens;
  }
}

function pieceEnd(src: string, at: number): number {
  const limit = at + MAX_INLINE_RUN;
  if (limit >= src.length) return src.length;
  const window = src.slice(at + MAX_INLINE_RUN / 2, limit);
  const sentence = window.lastIndexOf('. ');
  if (sentence >= 0) return at + MAX_INLINE_RUN / 2 + sentence + 2;
  const space = window.lastIndexOf(' ');
  return space >= 0 ? at + MAX_INLINE_RUN / 2 + space + 1 : limit;
}

function collect(token: Token, out: SourceBlock[], inQuote: boolean): void {
  switch (token.type) {
    case 'heading':
      out.push({
        text: inline((token as Tokens.Heading).tokens),
        kind: 'heading',
        level: (token as Tokens.Heading).depth,
      });
      return;
    case 'paragraph':
      out.push({ text: inline((token as Tokens.Paragraph).tokens), kind: inQuote ? 'quote' : 'paragraph' });
      return;
    case 'text':
      out.push({ text: inline((token as Tokens.Text).tokens ?? [token]), kind: inQuote ? 'quote' : 'paragraph' });
      return;
    case 'blockquote':
      for (const t of (token as Tokens.Blockquote).tokens) collect(t, out, true);
      return;
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      list.items.forEach((item, i) => {
        const text = item.tokens
          .map((t) => ('tokens' in t && t.tokens ? inline(t.tokens) : ((t as { text?: string }).text ?? '')))
          .join(' ');
        out.push({ text: (list.ordered ? `${start + i}. ` : '') + text.trim(), kind: 'list-item' });
      });
      return;
    }
    case 'code':
      out.push({ text: (token as Tokens.Code).text, kind: 'paragraph' });
      return;
    case 'table': {
      const table = token as Tokens.Table;
      for (const row of [table.header, ...table.rows])
        out.push({ text: row.map((c) => inline(c.tokens)).join(' | '), kind: 'paragraph' });
      return;
    }
    default:
      return;
  }
}

function inline(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if (t.type === 'image' || t.type === 'html') return '';
      if (t.type === 'br') return ' ';
      if ('tokens' in t && t.tokens?.length) return inline(t.tokens);
      return (t as { text?: string }).text ?? '';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

// The common keys of YAML front matter; anything fancier is left alone.
function frontMatter(text: string): { meta: SourceMeta; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: SourceMeta = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^(\w+):(.*)$/.exec(line.trim());
    if (!kv) continue;
    const key = kv[1]!;
    const value = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    if (key === 'title') meta.title = value;
    else if (key === 'subtitle') meta.subtitle = value;
    else if (key === 'author' || key === 'authors')
      meta.authors = value
        .replace(/^\[|\]$/g, '')
        .split(/\s*,\s*|\s+and\s+/)
        .filter(Boolean);
    else if (key === 'publisher') meta.publisher = value;
    else if (key === 'date') meta.publishedAt = isoFromTimestamp(value) ?? undefined;
  }
  return { meta, body: text.slice(m[0].length) };
}
