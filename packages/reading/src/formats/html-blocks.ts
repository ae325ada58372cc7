import { NOTE_LABEL } from '../recover/text-shape.js';
import type { SourceBlock } from '../types.js';

// linkedom's DOM is typed loosely; these are the few members the walk needs.
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'BUTTON',
  'SVG',
  'IMG',
  'IFRAME',
  'TEMPLATE',
  'SELECT',
  'HEADER',
]);
const BLOCK =
  /^(?:P|H[1-6]|LI|BLOCKQUOTE|FIGCAPTION|CAPTION|PRE|DIV|SECTION|ARTICLE|MAIN|UL|OL|TABLE|TR|TD|TH|FIGURE|DL|DT|DD|BODY|HTML|HR|BR)$/;
// Notes called by a superscript or a link to an anchor: written as "[n]" so the shared note pass finds them.
const NOTE_CALL = new RegExp(String.raw`^\s*\[?(${NOTE_LABEL}|\*)\]?\s*$`, 'i');

/** Walks HTML into blocks: headings with levels, paragraphs, list items, quotes, captions. */
export function htmlToBlocks(root: DomNode): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  walk(root, { quote: false });
  return blocks.filter((b) => b.text.trim());

  function walk(node: DomNode, ctx: { quote: boolean }): void {
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (/^H[1-6]$/.test(name)) {
      blocks.push({ text: inline(node), kind: 'heading', level: Number(name[1]) });
      return;
    }
    if (name === 'P' || name === 'PRE' || name === 'DT' || name === 'DD') {
      blocks.push({ text: inline(node), kind: ctx.quote ? 'quote' : undefined });
      return;
    }
    if (name === 'FIGCAPTION' || name === 'CAPTION') {
      blocks.push({ text: inline(node), kind: 'caption' });
      return;
    }
    if (name === 'LI') {
      const parent = node as DomNode & { parentNode?: DomNode };
      const ordered = parent.parentNode?.nodeName.toUpperCase() === 'OL';
      const index = ordered ? siblingIndex(node) : 0;
      blocks.push({ text: (ordered ? `${index}. ` : '') + inline(node), kind: 'list-item' });
      return;
    }
    if (name === 'BLOCKQUOTE') {
      const hasBlocks = Array.from(node.childNodes).some((c) => BLOCK.test(c.nodeName.toUpperCase()));
      if (!hasBlocks) blocks.push({ text: inline(node), kind: 'quote' });
      else for (const c of Array.from(node.childNodes)) walk(c, { quote: true });
      return;
    }
    const children = Array.from(node.childNodes);
    // Text sitting directly in a container (a <div> used as a paragraph) becomes its own block.
    let loose = '';
    for (const c of children) {
      if (
        c.nodeType === 3 ||
        (c.nodeType === 1 && !BLOCK.test(c.nodeName.toUpperCase()) && !SKIP.has(c.nodeName.toUpperCase()))
      ) {
        loose += c.nodeType === 3 ? (c.textContent ?? '') : inline(c);
        continue;
      }
      if (loose.trim()) blocks.push({ text: loose.trim(), kind: ctx.quote ? 'quote' : undefined });
      loose = '';
      if (c.nodeType === 1) walk(c, ctx);
    }
    if (loose.trim()) blocks.push({ text: loose.trim(), kind: ctx.quote ? 'quote' : undefined });
  }
}

function siblingIndex(node: DomNode): number {
  const parent = (node as DomNode & { parentNode?: DomNode & { getAttribute?(n: string): string | null } }).parentNode;
  const start = Number(parent?.getAttribute?.('start') ?? '1') || 1;
  const items = Array.from(parent?.childNodes ?? []).filter((c) => c.nodeName.toUpperCase() === 'LI');
  return start + items.indexOf(node);
}

/** Inline text of a node, with note calls (<sup>3</sup>, <a href="#fn3">3</a>) written as "[3]". */
function inline(node: DomNode): string {
  let out = '';
  for (const c of Array.from(node.childNodes)) {
    if (c.nodeType === 3) out += c.textContent ?? '';
    else if (c.nodeType === 1) {
      const name = c.nodeName.toUpperCase();
      if (SKIP.has(name) && name !== 'IMG') continue;
      if (name === 'BR') out += ' ';
      else if (
        name === 'SUP' ||
        (name === 'A' && /^#(?:fn|footnote|endnote|note|ftn|edn)/i.test(c.getAttribute?.('href') ?? ''))
      ) {
        const t = c.textContent ?? '';
        const m = NOTE_CALL.exec(t);
        out += m ? `[${m[1]!.toLowerCase()}]` : inline(c);
      } else out += inline(c);
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
