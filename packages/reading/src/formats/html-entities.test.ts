import { describe, expect, it } from 'vitest';
import { entityHeavyPage } from '../../test-fixtures/entity-page.js';
import { importReading } from '../index.js';

const page = (body: string, head = '') =>
  `<!doctype html><html><head>${head}</head><body><article><h1>Harbour Signs</h1>${body}</article></body></html>`;
const LONG =
  'The harbour master kept a daily record of arrivals and departures, noting the weather, the state of the tide and the name of every pilot who brought a ship in over the bar, whatever the hour.';

describe('HTML: character references', () => {
  it('reads a 100 KB page written with references throughout, every paragraph as a reader sees it', async () => {
    const { html, paragraphs } = entityHeavyPage(100 * 1024);
    expect(html.length).toBeGreaterThan(100 * 1024);
    const doc = await importReading({ data: new TextEncoder().encode(html), filename: 'entities.html' });
    expect(doc.title).toBe('Entities & Harbours');
    expect(doc.blocks.map((b) => b.text)).toEqual(paragraphs);
  });

  it('shows escaped markup as text and never as a tag or a second reference', async () => {
    const doc = await importReading({
      data: page(`<p>Write &lt;b&gt;bold&lt;/b&gt;, &amp;lt; and a &lt; b &amp;&amp; c &gt; d. ${LONG}</p>`),
    });
    expect(doc.blocks[0]!.text).toBe(`Write <b>bold</b>, &lt; and a < b && c > d. ${LONG}`);
  });

  it('leaves attribute values and the JSON-LD of a script as written', async () => {
    const jsonLd =
      '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour Signs","description":"Say &quot;ahoy&quot;","author":{"name":"Mira Sol"}}';
    const doc = await importReading({
      data: page(
        `<p title="a &quot;b&quot; > c">${LONG}</p><p><a href="/x?a=1&amp;b=2">Tide &eacute;tale</a> table.</p>`,
        `<script type="application/ld+json">${jsonLd}</script>`,
      ),
    });
    expect(doc.authors).toEqual(['Mira Sol']);
    expect(doc.blocks.map((b) => b.text)).toEqual([LONG, 'Tide étale table.']);
  });

  it.each([
    ['comments', '<!--a>'],
    ['scripts', '<script>a'],
  ])('reads a page followed by 100,000 unclosed %s without scanning the rest again for each', async (_, unit) => {
    const doc = await importReading({
      data: page(`<p>Caf&eacute; tables stood on the quay. ${LONG}</p>`) + unit.repeat(100_000),
    });
    expect(doc.blocks.map((b) => b.text)).toEqual([`Café tables stood on the quay. ${LONG}`]);
  });
});
