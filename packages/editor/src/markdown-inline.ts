import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { codeSpan, destination, escapeText } from './markdown-escape.js';
import { stringAttr } from './node-attrs.js';
import { safeHref } from './safe-url.js';

export interface InlineOptions {
  /** A wiki link outside any link mark (a link inside a link is not Markdown). */
  wikiLink(node: ProseMirrorNode): string;
  /** What a hard break becomes: a Markdown line break, or a space where lines cannot break. */
  lineBreak: string;
}

/** The marks Markdown can write; a link whose href is unsafe is no mark, its words stay. */
function writableMarks(marks: readonly Mark[]): Mark[] {
  return marks.filter((mark) =>
    mark.type.name === 'link' ? safeHref(mark.attrs.href) !== undefined : mark.type.name in OPENERS,
  );
}

const OPENERS: Record<string, string> = { bold: '**', italic: '*', strike: '~~', link: '[' };

function closer(mark: Mark): string {
  if (mark.type.name === 'link') return `](${destination(safeHref(mark.attrs.href) ?? '')})`;
  return OPENERS[mark.type.name] ?? '';
}

/**
 * A textblock's content as Markdown. Marks are opened and closed across neighbouring text, so
 * "bold, then bold italic" stays one bold span, and spaces at a mark's edge move outside it
 * (`** x**` is no emphasis in Markdown).
 */
export function inlineMarkdown(block: ProseMirrorNode, options: InlineOptions): string {
  const open: Mark[] = [];
  let out = '';
  let pendingSpace = '';
  block.forEach((child) => {
    const marks = writableMarks(child.marks);
    let kept = 0;
    while (kept < open.length && marks.some((mark) => mark.eq(open[kept]!))) kept++;
    while (open.length > kept) out += closer(open.pop()!);
    out += pendingSpace;
    pendingSpace = '';

    let content = render(child, open, options);
    if (child.isText && !isCode(child)) {
      const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(content) ?? [];
      out += lead;
      content = body;
      pendingSpace = trail;
    }
    if (content === '') return;
    for (const mark of marks) {
      if (open.some((o) => o.eq(mark))) continue;
      out += OPENERS[mark.type.name] ?? '';
      open.push(mark);
    }
    out += content;
  });
  while (open.length) out += closer(open.pop()!);
  return out + pendingSpace;
}

const isCode = (node: ProseMirrorNode) => node.marks.some((mark) => mark.type.name === 'code');

function render(child: ProseMirrorNode, open: readonly Mark[], options: InlineOptions): string {
  // Code keeps its characters as written; its mark excludes every other mark.
  if (child.isText) return isCode(child) ? codeSpan(child.text ?? '') : escapeText(child.text ?? '');
  if (child.type.name === 'hardBreak') return options.lineBreak;
  if (child.type.name === 'wikiLink') {
    const insideLink =
      open.some((mark) => mark.type.name === 'link') || child.marks.some((m) => m.type.name === 'link');
    return insideLink ? escapeText(stringAttr(child, 'title')) : options.wikiLink(child);
  }
  return '';
}
