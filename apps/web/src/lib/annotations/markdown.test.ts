import { describe, expect, it } from 'vitest';
import { plainBody, renderAnnotationBody } from './markdown';

const USER = '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b';

describe('renderAnnotationBody', () => {
  it('renders the Markdown people write in a comment', () => {
    const html = renderAnnotationBody('Is this **really** _true_?\n\n- one\n- two\n\n> quoted\n\n`code`');
    expect(html).toContain('<strong>really</strong>');
    expect(html).toContain('<em>true</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code>code</code>');
  });

  it('never lets a script, an element or an event handler through', () => {
    const html = renderAnnotationBody(
      '<script>alert(1)</script> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">x</a> <iframe src="//evil"></iframe>',
    );
    expect(html).not.toMatch(/<script|<img|<a |<iframe/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=');
  });

  it('makes no link of javascript:, vbscript: or data: addresses, nor an image of anything', () => {
    for (const body of [
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '[click](  javascript:alert(1))',
      '[click](vbscript:msgbox(1))',
      '[click](data:text/html;base64,PHNjcmlwdD4=)',
      '<javascript:alert(1)>',
    ]) {
      expect(renderAnnotationBody(body), body).not.toMatch(/href=/i);
    }
    expect(renderAnnotationBody('![x](https://example.org/a.png "t")')).not.toMatch(/<img/i);
    expect(renderAnnotationBody('![x](x" onerror="alert(1))')).not.toMatch(/<img|onerror="/i);
  });

  it('opens web links apart from the reader, without passing it on', () => {
    const html = renderAnnotationBody('See [the port](https://example.org/aktau) and https://example.org/kuryk');
    expect(html).toContain(
      '<a href="https://example.org/aktau" rel="nofollow noopener noreferrer" target="_blank">the port</a>',
    );
    expect(html).toContain('href="https://example.org/kuryk"');
  });

  it('shows a mention as @Name, its name escaped', () => {
    expect(renderAnnotationBody(`Ask @[Bolat Serik](user:${USER}) about it`)).toContain(
      `<span class="mention" data-user="${USER}">@Bolat Serik</span>`,
    );
    expect(renderAnnotationBody(`@[<b>x</b>](user:${USER})`)).toContain('@&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('plainBody', () => {
  it('gives the words alone, mentions as @Name, cut to a length', () => {
    expect(plainBody(`**Why** [here](https://x.org)? Ask @[Bolat](user:${USER})`)).toBe('Why here? Ask @Bolat');
    expect(plainBody('a '.repeat(100), 10)).toBe('a a a a a…');
  });
});
