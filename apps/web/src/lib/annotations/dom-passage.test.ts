// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { canonicalTextOf } from '../citations/canonical';
import { selectedPassage } from '../citations/selection';
import { domPointIn, rangeOfPassage } from './dom-passage';

const blocks = [{ text: 'Neutrality' }, { text: 'The steppe keeps its own counsel.' }, { text: 'Ports and rail.' }];
const offsets: Array<[number, number]> = [
  [0, 10],
  [12, 45],
  [47, 62],
];
const canonical = canonicalTextOf(blocks, offsets);

function renderedText(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML =
    '<h2 data-block="0">Neutrality</h2>' +
    '<p data-block="1"><span data-not-text>¶1</span><span data-not-text>s1</span>The <mark class="cited">steppe</mark>' +
    '<button data-not-text>❝2</button> keeps<sup data-not-text><button>4</button></sup> its own counsel.</p>' +
    '<p data-block="2">Ports and rail.</p>';
  document.body.replaceChildren(root);
  return root;
}

describe('rangeOfPassage', () => {
  it('selects the same words a mouse would, skipping numbers and markers, and gives back the same passage', () => {
    const root = renderedText();
    for (const words of ['steppe keeps its', 'The steppe', 'counsel.\n\nPorts', 'Neutrality\n\nThe', 'rail.']) {
      const start = canonical.indexOf(words);
      const passage = { start, end: start + words.length };
      const range = rangeOfPassage(root, passage, offsets)!;
      expect(selectedPassage(range, root, offsets), words).toEqual(passage);
      expect(range.toString().replace(/❝2|4/g, ''), words).toContain(words.split('\n')[0]!.split(' ')[0]);
    }
  });

  it('finds no range for a passage outside the text', () => {
    expect(rangeOfPassage(renderedText(), { start: 500, end: 600 }, offsets)).toBeNull();
  });

  it('puts a point at the end of a block in its last text node', () => {
    const root = renderedText();
    const point = domPointIn(root.querySelector('[data-block="2"]')!, 15);
    expect(point.node.nodeValue).toBe('Ports and rail.');
    expect(point.offset).toBe(15);
  });
});
