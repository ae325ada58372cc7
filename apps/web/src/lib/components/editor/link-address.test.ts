import { describe, expect, it } from 'vitest';
import { linkAddress } from './link-address';

describe('the link dialog’s address', () => {
  it('keeps web and mail addresses, and makes a bare domain an https link', () => {
    expect(linkAddress(' https://example.org/a?b=1 ')).toEqual({ href: 'https://example.org/a?b=1' });
    expect(linkAddress('mailto:dana@example.org')).toEqual({ href: 'mailto:dana@example.org' });
    expect(linkAddress('example.org/page')).toEqual({ href: 'https://example.org/page' });
    expect(linkAddress('/courses/1')).toEqual({ href: '/courses/1' });
  });

  it('refuses addresses that run code, empty ones, control characters and lone surrogates', () => {
    for (const typed of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '']) {
      expect(linkAddress(typed)).toHaveProperty('error');
    }
    expect(linkAddress('https://a\u0000b')).toHaveProperty('error');
    expect(linkAddress('https://a\ud800b')).toHaveProperty('error');
    expect(linkAddress(`https://example.org/${'a'.repeat(2100)}`)).toHaveProperty('error');
  });
});
