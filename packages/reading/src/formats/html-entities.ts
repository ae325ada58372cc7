import { decodeHTML } from 'entities';

/**
 * Decodes the character references in a page's text before the DOM parser sees it. The parser
 * (linkedom on htmlparser2) makes a separate text node for every run between two references, so
 * a page written with "&eacute;" and "&#8217;" throughout became tens of thousands of nodes, and
 * building and reading them cost about a second per 100 KB.
 *
 * Only text between tags is decoded: tags and their attribute values, comments, scripts and
 * styles pass unchanged (JSON-LD in a script must stay valid JSON). A reference to "&" or "<"
 * stays as it is where, decoded, it would start a new reference or a tag ("&amp;lt;", "&lt;b>"),
 * and so do references without their ";", whose meaning depends on what follows.
 */
export function decodeTextReferences(html: string): string {
  const out: string[] = [];
  let at = 0;
  // One pass from left to right; anything left unclosed runs to the end as it would for a browser,
  // so no part of the page is scanned twice, whatever it holds.
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    out.push(decodeText(html.slice(at, open)));
    const end = opaqueEnd(html, open);
    out.push(html.slice(open, end));
    at = end;
  }
  out.push(decodeText(html.slice(at)));
  return out.join('');
}

const RAW_TEXT_CLOSE: Record<string, RegExp> = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };

/** Where the markup that starts at `open` ends: a comment, a tag (with its quoted values), or a script or style with its raw text. */
function opaqueEnd(html: string, open: number): number {
  if (html.startsWith('<!--', open)) {
    const close = html.indexOf('-->', open + 4);
    return close < 0 ? html.length : close + 3;
  }
  if (!/[\p{L}/!?]/u.test(html.charAt(open + 1))) return open + 1;
  let quote = '';
  let i = open + 1;
  for (; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  if (i >= html.length) return html.length;
  const name = /^<(script|style)\b/i.exec(html.slice(open, open + 8))?.[1]?.toLowerCase();
  if (!name) return i + 1;
  const close = RAW_TEXT_CLOSE[name]!;
  close.lastIndex = i + 1;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

const REFERENCE = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi;
// What may follow a decoded "&" or "<" without it being read as the start of a reference or tag.
const AFTER_AMPERSAND = /^(?:$|[^#\p{L}\d])/u;
const AFTER_LESS_THAN = /^(?:$|[^\p{L}/!?])/u;

function decodeText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (ref, at: number) => {
    const char = decodeHTML(ref);
    const next = text.charAt(at + ref.length);
    if (char === '&') return AFTER_AMPERSAND.test(next) ? char : ref;
    if (char === '<') return AFTER_LESS_THAN.test(next) ? char : ref;
    return char;
  });
}
