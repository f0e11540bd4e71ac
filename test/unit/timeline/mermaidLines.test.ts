import assert from 'node:assert/strict';
import { mermaidErrorLine, mermaidErrorMessage, prepareMermaidText } from '../../../src/core/timeline';
import { readRepoFile } from '../helpers';

describe('Mermaid error lines', () => {
  it('empties comment lines so that Mermaid counts lines as the block does', () => {
    const prepared = prepareMermaidText('graph TB\n  %% a comment\n  A --> B\n%%{init: {"theme": "dark"}}%%\n  B --> C');
    assert.equal(prepared.text, 'graph TB\n\n  A --> B\n%%{init: {"theme": "dark"}}%%\n  B --> C');
    assert.equal(prepared.firstParsedLine, 0);
  });

  it('skips front matter, directives and blank lines at the start, as Mermaid does', () => {
    assert.equal(prepareMermaidText('---\ntitle: Outage\n---\ngraph TB\n  A --> B').firstParsedLine, 3);
    assert.equal(prepareMermaidText('%% about\n\n%%{init: {"theme": "dark"}}%%\ngraph TB\n  A --> B ]').firstParsedLine, 3);
    assert.equal(prepareMermaidText('graph TB').firstParsedLine, 0);
    // An unclosed front matter is not one.
    assert.equal(prepareMermaidText('---\ngraph TB').firstParsedLine, 0);
  });

  it('reads the line from a jison error (loc, then line) or from the message', () => {
    assert.equal(mermaidErrorLine(Object.assign(new Error('Parse error on line 86:'), { hash: { loc: { first_line: 60 }, line: 85 } })), 60);
    assert.equal(mermaidErrorLine(Object.assign(new Error('x'), { hash: { line: 4 } })), 5);
    assert.equal(mermaidErrorLine(new Error('Parsing failed: Lexer error on line 3, column 7: unexpected character')), 3);
    assert.equal(mermaidErrorLine(new Error('No diagram type detected matching given configuration for text: grph TB')), undefined);
  });

  it('keeps what the message says, without positions that count from another first line', () => {
    assert.equal(
      mermaidErrorMessage(new Error("Parse error on line 3:\n...>>Bob: hi  Alice->>: \n----------------------^\nExpecting 'link', '+', got 'TXT'")),
      "Expecting 'link', '+', got 'TXT'",
    );
    assert.equal(mermaidErrorMessage(new Error('Lexical error on line 60. Unrecognized text.\n...RCA2 ]\n---^')), 'Lexical error. Unrecognized text.');
    assert.equal(
      mermaidErrorMessage(new Error('Parsing failed: Lexer error on line 3, column 7: unexpected character: ->x<-')),
      'Parsing failed: Lexer error at column 7: unexpected character: ->x<-',
    );
    assert.equal(mermaidErrorMessage('boom'), 'boom');
    assert.equal(mermaidErrorMessage(new Error('')), 'Mermaid could not read this diagram.');
  });

  it('the preview\'s diagnostic PM701 has its docs page, listed with the rules', () => {
    assert.equal(readRepoFile('docs/rules/mermaid-syntax.md').split('\n')[0], '# PM701 mermaid-syntax');
    assert.match(readRepoFile('docs/rules/README.md'), /\| PM701 \| \[mermaid-syntax\]\(mermaid-syntax\.md\) \|/);
  });
});
