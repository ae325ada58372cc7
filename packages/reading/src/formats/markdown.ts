import { Lexer, type Token, type Tokens } from 'marked';
import { isoFromTimestamp } from '../recover/dates.js';
import type { Note, SourceBlock, SourceDoc, SourceMeta, Warning } from '../types.js';

const FOOTNOTE_DEF = /^\[\^([^\]\s]+)\]:[ \t]*(.*(?:\n(?: {2,}|\t).*)*)/gm;
const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;

/** Markdown: structure comes from the markup; footnotes ([^1]) and YAML front matter are read too. */
export function parseMarkdown(source: string): SourceDoc {
  const warnings: Warning[] = [];
  const { meta, body } = frontMatter(source.replace(/\r\n?/g, '\n'));
  const notes: Note[] = [];
  const withoutDefs = body.replace(FOOTNOTE_DEF, (_, label: string, text: string) => {
    notes.push({ label, text: text.replace(/\s+/g, ' ').trim() });
    return '';
  });
  // Escaped brackets survive the lexer as literal "[1]", which the shared note pass reads.
  const text = withoutDefs.replace(FOOTNOTE_REF, (_, label: string) => `\\[${label}\\]`);
  const blocks: SourceBlock[] = [];
  for (const token of new Lexer({ gfm: true }).lex(text)) collect(token, blocks, false);
  const first = blocks[0];
  if (!meta.title && first?.kind === 'heading' && first.level === 1) {
    meta.title = first.text;
    blocks.shift();
  }
  return { format: 'markdown', blocks, notes, meta, warnings };
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
    const kv = /^(\w+):\s*["']?(.*?)["']?\s*$/.exec(line);
    if (!kv) continue;
    const [, key, value] = kv as unknown as [string, string, string];
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
