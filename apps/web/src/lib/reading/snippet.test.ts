import { describe, expect, it } from 'vitest';
import { snippetOnOneLine, snippetParts } from './snippet';

describe('snippetParts', () => {
  it('splits the snippet into plain and marked runs', () => {
    expect(snippetParts('the «mark»railway«/mark» to «mark»China«/mark».')).toEqual([
      { text: 'the ', marked: false },
      { text: 'railway', marked: true },
      { text: ' to ', marked: false },
      { text: 'China', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('keeps markup in the text as text', () => {
    expect(snippetParts('<b>«mark»x«/mark»</b>')).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ]);
  });

  it('marks to the end after an unclosed marker and drops a stray closing one', () => {
    expect(snippetParts('a «mark»b c')).toEqual([
      { text: 'a ', marked: false },
      { text: 'b c', marked: true },
    ]);
    expect(snippetParts('a«/mark» b')).toEqual([{ text: 'a b', marked: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});

describe('snippetOnOneLine', () => {
  it("keeps a note's paragraphs and headings apart on one line, its marks untouched", () => {
    const snippet = 'excessive leverage\nOur definition: balance, not «mark»neutrality«/mark».\n  Recent initiatives\n';
    expect(snippetOnOneLine(snippet)).toBe(
      'excessive leverage · Our definition: balance, not «mark»neutrality«/mark». · Recent initiatives',
    );
    expect(snippetOnOneLine('one line')).toBe('one line');
  });
});
