import assert from 'node:assert/strict';
import { DrawnDiagrams, savedMessage } from '../../../src/extension/preview/drawnDiagrams';
import type { SavedDiagram, SavedMessage } from '../../../src/shared/previewProtocol';

function diagram(text: string, svg = `<svg><text>${text}</text></svg>`): SavedDiagram {
  return { key: `light\n${text}`, version: 3, svg, css: '#a{}' };
}

/** A page's first message for `uri`: every block. */
function all(uri: string, diagrams: (SavedDiagram | null)[]): Omit<SavedMessage, 'type'> {
  return { uri, blocks: diagrams.length, changed: diagrams.map((d, i): [number, SavedDiagram | null] => [i, d]) };
}

const texts = (store: DrawnDiagrams, uri: string) => store.recall(uri)?.diagrams?.map((d) => d?.key.split('\n')[1] ?? null);

describe('DrawnDiagrams (what the preview drew, for a panel opened again)', () => {
  it('gives back what a page saved for a document, and nothing for others', () => {
    const store = new DrawnDiagrams();
    store.update(all('file:///a.md', [diagram('A'), null, diagram('C')]));
    assert.deepEqual(texts(store, 'file:///a.md'), ['A', null, 'C']);
    assert.equal(store.recall('file:///b.md'), undefined);
  });

  it('takes in only what changed over what it kept, to the document\'s number of blocks', () => {
    const store = new DrawnDiagrams();
    store.update(all('file:///a.md', [diagram('A'), diagram('B'), diagram('C')]));
    store.update({ uri: 'file:///a.md', blocks: 3, changed: [[1, diagram('B2')]] });
    assert.deepEqual(texts(store, 'file:///a.md'), ['A', 'B2', 'C']);
    // A block deleted: the list is cut to the blocks the document has.
    store.update({ uri: 'file:///a.md', blocks: 2, changed: [] });
    assert.deepEqual(texts(store, 'file:///a.md'), ['A', 'B2']);
    // Changes to blocks it never heard of (its copy was dropped) leave the others empty: drawn again.
    store.update({ uri: 'file:///new.md', blocks: 2, changed: [[1, diagram('Y')]] });
    assert.deepEqual(texts(store, 'file:///new.md'), [null, 'Y']);
  });

  it('keeps the documents saved most recently, forgetting the oldest first', () => {
    const store = new DrawnDiagrams(2);
    store.update(all('file:///a.md', [diagram('A')]));
    store.update(all('file:///b.md', [diagram('B')]));
    // Saved again: now the most recent.
    store.update({ uri: 'file:///a.md', blocks: 1, changed: [] });
    store.update(all('file:///c.md', [diagram('C')]));
    assert.deepEqual(['a', 'b', 'c'].map((name) => store.recall(`file:///${name}.md`) !== undefined), [true, false, true]);
    assert.deepEqual(texts(store, 'file:///a.md'), ['A']);
  });

  it('keeps all documents together under its total size, forgetting the oldest first', () => {
    const big = (name: string) => diagram(name, `<svg>${'x'.repeat(40)}</svg>`);
    const store = new DrawnDiagrams(8, 100, 150);
    store.update(all('file:///a.md', [big('A')]));
    store.update(all('file:///b.md', [big('B')]));
    store.update(all('file:///c.md', [big('C')]));
    assert.deepEqual(['a', 'b', 'c'].map((name) => store.recall(`file:///${name}.md`) !== undefined), [false, true, true]);
    // Saved again (smaller), b is the most recent: the next one over the total pushes c out, and
    // the total counts b at its new size (62 + 36 + 62 would not fit; 36 + 62 does).
    store.update(all('file:///b.md', [diagram('B')]));
    store.update(all('file:///d.md', [big('D')]));
    assert.deepEqual(['b', 'c', 'd'].map((name) => store.recall(`file:///${name}.md`) !== undefined), [true, false, true]);
  });

  it('forgets a document whose diagrams are too large to keep', () => {
    const store = new DrawnDiagrams(8, 100);
    store.update(all('file:///a.md', [diagram('A')]));
    store.update({ uri: 'file:///a.md', blocks: 1, changed: [], tooLarge: true });
    assert.equal(store.recall('file:///a.md'), undefined);
    store.update(all('file:///b.md', [diagram('B')]));
    store.update({ uri: 'file:///b.md', blocks: 1, changed: [[0, diagram('B', `<svg>${'x'.repeat(200)}</svg>`)]] });
    assert.equal(store.recall('file:///b.md'), undefined);
  });
});

describe('savedMessage (from the page)', () => {
  it('accepts the shape the page writes', () => {
    const message: SavedMessage = { type: 'saved', uri: 'file:///a.md', blocks: 2, changed: [[0, diagram('A')], [1, null]] };
    assert.equal(savedMessage(message), message);
    assert.ok(savedMessage({ type: 'saved', uri: 'file:///a.md', blocks: 0, changed: [], tooLarge: true }));
  });

  it('refuses anything else', () => {
    const good = { type: 'saved', uri: 'u', blocks: 1 };
    for (const value of [undefined, null, 'x', {}, { ...good, changed: [] , type: 'other' }, { ...good, uri: 1, changed: [] }, { ...good, blocks: -1, changed: [] }, { ...good, blocks: 1.5, changed: [] }, { ...good, changed: {} },
      { ...good, changed: [[0]] }, { ...good, changed: [[-1, null]] }, { ...good, changed: [[0, { key: 'k', svg: 1, css: '', version: 1 }]] }, { ...good, changed: [[0, { key: 'k', svg: '', css: '' }]] }]) {
      assert.equal(savedMessage(value), undefined, JSON.stringify(value));
    }
  });
});
