import type { SourceBlock, Warning } from '../types.js';

// Windows-1252 bytes 0x80–0x9F map to these code points; reversing the map lets us recover the
// UTF-8 bytes of text that was decoded as cp1252 ("â€™" → "’").
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const toCp1252Byte = (ch: string): number | undefined => {
  const code = ch.codePointAt(0)!;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const i = CP1252_HIGH.indexOf(ch);
  return i >= 0 ? 0x80 + i : undefined;
};

// A UTF-8 lead byte (Â..ô as cp1252) followed by continuation bytes (0x80–0xBF as cp1252).
const MOJIBAKE =
  /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2026\u2030\u2039\u203A\u20AC\u2122]{1,3}/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function repairMojibake(text: string): { text: string; repaired: number } {
  let repaired = 0;
  const out = text.replace(MOJIBAKE, (run) => {
    const bytes = [...run].map(toCp1252Byte);
    if (bytes.some((b) => b === undefined)) return run;
    try {
      const fixed = utf8.decode(new Uint8Array(bytes as number[]));
      if ([...fixed].length !== 1) return run;
      repaired++;
      return fixed;
    } catch {
      return run;
    }
  });
  return { text: out, repaired };
}

// Runs of empty brackets are what some scrapers leave where a dash or an inline widget stood.
const BRACKET_GARBAGE = /[ \t]?(?:\[[ \t]?\]|[[\]]){3,}[ \t]?/g;
const MD_ESCAPE = /\\([\\`*_{}[\]()#+\-.!$|<>~"'])/g;
// Emphasis markers around a run inside one block: *text*, **text**.
const MD_EMPHASIS = /(\*{1,2})(?=\S)([^*\n]*?\S)\1/g;
const MD_AUTOLINK = /<((?:https?|mailto):[^>\s]{1,2000})>/g;

/**
 * Each run of spaces becomes one space, first of all, so that no later pattern meets a long run.
 * Tabs and wide gaps before a trailing number become one tab: they are the leaders of a table of
 * contents, which the contents pass reads before flattening whitespace.
 */
function collapseSpaces(s: string): string {
  return s.replace(/[^\S\n]+/g, (run: string, at: number) => {
    if (run.includes('\t')) return '\t';
    const rest = s.length - at - run.length;
    return run.length >= 2 && rest > 0 && rest <= 4 && /^\d+$/.test(s.slice(-rest)) ? '\t' : ' ';
  });
}

/** Character-level clean-up of every block, before any structure is looked at. */
export function normalizeBlocks(
  blocks: SourceBlock[],
  warnings: Warning[],
  opts: { markdownInline: boolean },
): SourceBlock[] {
  let mojibake = 0;
  let garbage = 0;
  let escapes = 0;
  let replacement = 0;
  const out = blocks.map((b) => {
    let text = collapseSpaces(b.text.replace(/[\u200B\uFEFF\u00AD]/g, ''));
    const m = repairMojibake(text);
    mojibake += m.repaired;
    text = m.text;
    text = text.replace(BRACKET_GARBAGE, (run) => {
      garbage++;
      return run.startsWith(' ') || run.endsWith(' ') ? ' — ' : '—';
    });
    if (opts.markdownInline) {
      text = text.replace(MD_ESCAPE, (_, ch: string) => {
        escapes++;
        return ch;
      });
      text = text.replace(MD_EMPHASIS, '$2').replace(MD_AUTOLINK, '$1');
      // A lone emphasis marker left where the pair spanned two lines.
      text = text.replace(/^\*(?=\S)|(?<=\S)\*$/g, '');
    }
    replacement += (text.match(/\uFFFD/g) ?? []).length;
    return { ...b, text: text.trim() };
  });
  if (mojibake)
    warnings.push({
      code: 'MOJIBAKE_REPAIRED',
      message: `Repaired ${mojibake} character(s) garbled by a wrong text encoding.`,
    });
  if (garbage)
    warnings.push({
      code: 'GARBLED_PUNCTUATION',
      message: `Replaced ${garbage} run(s) of stray brackets with a dash; check those sentences against the original.`,
    });
  if (escapes)
    warnings.push({
      code: 'MARKDOWN_UNESCAPED',
      message: `Removed ${escapes} Markdown escape backslash(es) (e.g. \\$ → $).`,
    });
  if (replacement)
    warnings.push({
      code: 'UNREADABLE_CHARACTERS',
      message: `${replacement} character(s) were already unreadable in the source (shown as �).`,
    });
  return out.filter((b) => b.text.length > 0);
}
