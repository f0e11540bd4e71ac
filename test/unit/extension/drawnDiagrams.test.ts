import assert from 'node:assert/strict';
import { DrawnDiagrams, savedState } from '../../../src/extension/preview/drawnDiagrams';
import type { PreviewState } from '../../../src/shared/previewProtocol';

function drawn(uri: string, svg = '<svg></svg>'): PreviewState {
  return { uri, diagrams: [{ key: 'light\ngraph TB\n A-->B', version: 3, svg, css: '#a{}' }, null] };
}

describe('DrawnDiagrams (what the preview drew, for a panel opened again)', () => {
  it('gives back the last state saved for a document, and nothing for others', () => {
    const store = new DrawnDiagrams();
    store.remember(drawn('file:///a.md', '<svg id="old"></svg>'));
    store.remember(drawn('file:///a.md', '<svg id="new"></svg>'));
    assert.equal(store.recall('file:///a.md')?.diagrams?.[0]?.svg, '<svg id="new"></svg>');
    assert.equal(store.recall('file:///b.md'), undefined);
  });

  it('keeps the documents saved most recently, forgetting the oldest first', () => {
    const store = new DrawnDiagrams(2);
    store.remember(drawn('file:///a.md'));
    store.remember(drawn('file:///b.md'));
    // Saved again: now the most recent.
    store.remember(drawn('file:///a.md'));
    store.remember(drawn('file:///c.md'));
    assert.deepEqual(['a', 'b', 'c'].map((name) => store.recall(`file:///${name}.md`) !== undefined), [true, false, true]);
  });

  it('forgets a document whose new state has no diagrams or is too large: the older one no longer matches it', () => {
    const store = new DrawnDiagrams(8, 100);
    store.remember(drawn('file:///a.md'));
    store.remember({ uri: 'file:///a.md' });
    assert.equal(store.recall('file:///a.md'), undefined);
    store.remember(drawn('file:///b.md'));
    store.remember(drawn('file:///b.md', `<svg>${'x'.repeat(200)}</svg>`));
    assert.equal(store.recall('file:///b.md'), undefined);
  });
});

describe('savedState (a saved message from the page)', () => {
  it('accepts the shape the page writes', () => {
    const state = drawn('file:///a.md');
    assert.equal(savedState(state), state);
    assert.deepEqual(savedState({ uri: 'file:///a.md' }), { uri: 'file:///a.md' });
  });

  it('refuses anything else', () => {
    for (const value of [undefined, null, 'x', {}, { uri: 1 }, { uri: 'u', diagrams: {} }, { uri: 'u', diagrams: [{ key: 'k', svg: 1, css: '', version: 1 }] }, { uri: 'u', diagrams: [{ key: 'k', svg: '', css: '' }] }]) {
      assert.equal(savedState(value), undefined, JSON.stringify(value));
    }
  });
});
