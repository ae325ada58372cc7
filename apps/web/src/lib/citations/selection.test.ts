// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { canonicalTextOf } from './canonical';
import { canonicalRange, offsetInBlock, selectedPassage, trimmed } from './selection';

const blocks = [{ text: 'Neutrality' }, { text: 'The steppe keeps its own counsel.' }, { text: 'Ports and rail.' }];
const offsets: Array<[number, number]> = [
  [0, 10],
  [12, 45],
  [47, 62],
];
const canonical = canonicalTextOf(blocks, offsets);

/** The reader's text as ReadingText renders it: a note marker and a citation marker inside block 1. */
function renderedText(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML =
    '<h2 data-block="0">Neutrality</h2>' +
    '<p data-block="1">The <mark class="cited">steppe</mark>' +
    '<button data-not-text>❝2</button> keeps<sup data-not-text><button>4</button></sup> its own counsel.</p>' +
    '<p data-block="2">Ports and rail.</p>';
  document.body.replaceChildren(root);
  return root;
}

const textNode = (el: Element, index = 0) => [...el.childNodes].filter((n) => n.nodeType === 3)[index]!;

describe('canonicalTextOf', () => {
  it('rebuilds the canonical text: blocks where their offsets say, joined by blank lines', () => {
    expect(canonical).toBe('Neutrality\n\nThe steppe keeps its own counsel.\n\nPorts and rail.');
    expect(canonical.slice(12, 45)).toBe(blocks[1]!.text);
  });
});

describe('offsetInBlock', () => {
  it("counts only the reading's own characters before a point, not the markers' labels", () => {
    const block = renderedText().querySelector('[data-block="1"]')!;
    const after = textNode(block, 1); // " keeps"
    expect(offsetInBlock(block, after, 3)).toBe('The steppe ke'.length);
    const last = textNode(block, 2); // " its own counsel."
    expect(offsetInBlock(block, last, 0)).toBe('The steppe keeps'.length);
    // A point between an element's children: before the <mark>, and at the end of the block.
    expect(offsetInBlock(block, block, 1)).toBe('The '.length);
    expect(offsetInBlock(block, block, block.childNodes.length)).toBe(blocks[1]!.text.length);
    // A point inside a marker's label counts up to the marker.
    expect(offsetInBlock(block, block.querySelector('sup button')!.firstChild!, 1)).toBe('The steppe keeps'.length);
  });
});

describe('canonicalRange and trimmed', () => {
  it('maps points in blocks to the canonical text, in either order, clamped to each block', () => {
    expect(canonicalRange({ block: 1, offset: 4 }, { block: 1, offset: 10 }, offsets)).toEqual({ start: 16, end: 22 });
    expect(canonicalRange({ block: 2, offset: 5 }, { block: 0, offset: 99 }, offsets)).toEqual({ start: 10, end: 52 });
    expect(canonicalRange({ block: 1, offset: 3 }, { block: 1, offset: 3 }, offsets)).toBeNull();
    expect(canonicalRange({ block: 7, offset: 0 }, { block: 1, offset: 3 }, offsets)).toBeNull();
  });

  it('drops the spaces a selection takes in at its ends, and nothing but spaces is no passage', () => {
    expect(trimmed(canonical, { start: 15, end: 23 })).toEqual({ start: 16, end: 22 });
    expect(trimmed(canonical, { start: 10, end: 12 })).toBeNull();
  });
});

describe('selectedPassage', () => {
  it('is the canonical span of a selection within one block, across its markers', () => {
    const root = renderedText();
    const block = root.querySelector('[data-block="1"]')!;
    const range = document.createRange();
    range.setStart(block.querySelector('mark')!.firstChild!, 0);
    range.setEnd(textNode(block, 2), 4);
    const passage = selectedPassage(range, root, offsets)!;
    expect(canonical.slice(passage.start, passage.end)).toBe('steppe keeps its');
  });

  it('runs across blocks, from a heading into the next paragraph', () => {
    const root = renderedText();
    const range = document.createRange();
    range.setStart(root.querySelector('[data-block="0"]')!.firstChild!, 3);
    range.setEnd(root.querySelector('[data-block="1"]')!.firstChild!, 3);
    const passage = selectedPassage(range, root, offsets)!;
    expect(canonical.slice(passage.start, passage.end)).toBe('trality\n\nThe');
  });

  it('is nothing for a selection outside the text', () => {
    const root = renderedText();
    const outside = document.createElement('p');
    outside.textContent = 'Elsewhere on the page';
    document.body.append(outside);
    const range = document.createRange();
    range.setStart(outside.firstChild!, 0);
    range.setEnd(outside.firstChild!, 9);
    expect(selectedPassage(range, root, offsets)).toBeNull();
  });
});
