/**
 * A long web page written the way some publishing systems write every page: nearly each
 * punctuation mark and accented letter as an entity. It yields the page and the paragraph texts
 * a reader should see.
 */
const WORDS: Array<[string, string]> = [
  ['caf&eacute;', 'café'],
  ['&ldquo;quoted&rdquo;', '“quoted”'],
  ['it&#8217;s', 'it’s'],
  ['A&amp;B', 'A&B'],
  ['x&lt;y&gt;z', 'x<y>z'],
  ['&#x2014;', '—'],
  ['na&iuml;ve', 'naïve'],
  ['&quot;plain&quot;', '"plain"'],
  ['fa&ccedil;ade', 'façade'],
  ['&euro;12', '€12'],
  ['10&nbsp;km', '10 km'],
  ['end&hellip;', 'end…'],
  ['&#169;', '©'],
  ['harbour', 'harbour'],
  ['&lsquo;pilot&rsquo;', '‘pilot’'],
  ['M&uuml;ller', 'Müller'],
];

export function entityHeavyPage(minBytes: number): { html: string; paragraphs: string[] } {
  const paragraphs: string[] = [];
  const html: string[] = [];
  let size = 0;
  for (let n = 0; size < minBytes; n++) {
    const source: string[] = [`Paragraph ${n + 1}:`];
    const text: string[] = [`Paragraph ${n + 1}:`];
    for (let k = 0; k < 40; k++) {
      const [entity, plain] = WORDS[(n * 7 + k) % WORDS.length]!;
      source.push(entity);
      text.push(plain);
    }
    const p = `<p>${source.join(' ')} and the end of it.</p>\n`;
    html.push(p);
    paragraphs.push(`${text.join(' ')} and the end of it.`);
    size += p.length;
  }
  return {
    html: `<!doctype html><html><head><meta charset="utf-8"><title>Entities &amp; Harbours</title></head><body><article><h1>Entities &amp; Harbours</h1>\n${html.join('')}</article></body></html>`,
    paragraphs,
  };
}
