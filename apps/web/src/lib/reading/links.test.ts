import { describe, expect, it } from 'vitest';
import { linkRuns } from './links';

describe('linkRuns', () => {
  it('makes an address a link and leaves the sentence’s full stop outside it', () => {
    expect(linkRuns('Data from https://stat.gov.kz/trade/2023. Accessed in May.')).toEqual([
      { kind: 'text', text: 'Data from ' },
      { kind: 'link', text: 'https://stat.gov.kz/trade/2023', href: 'https://stat.gov.kz/trade/2023' },
      { kind: 'text', text: '. Accessed in May.' },
    ]);
  });

  it('keeps a bracket the address opened and drops one that only closes the sentence', () => {
    expect(linkRuns('(see https://en.wikipedia.org/wiki/Aktau_(city))').map((r) => r.text)).toEqual([
      '(see ',
      'https://en.wikipedia.org/wiki/Aktau_(city)',
      ')',
    ]);
  });

  it('links nothing but http and https', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> ftp://example.org/file';
    expect(linkRuns(text)).toEqual([{ kind: 'text', text }]);
  });

  it('keeps markup as text around a link', () => {
    expect(linkRuns('<img src=x onerror=alert(1)> http://example.org/a"b')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ' },
      { kind: 'link', text: 'http://example.org/a', href: 'http://example.org/a' },
      { kind: 'text', text: '"b' },
    ]);
  });
});
