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
  let out = '';
  let at = 0;
  for (const m of html.matchAll(OPAQUE)) {
    out += decodeText(html.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + decodeText(html.slice(at));
}

// Tags (attribute values may hold ">"), comments, and the raw text of scripts and styles.
const OPAQUE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/gi;
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
