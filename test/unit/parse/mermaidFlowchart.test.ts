import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeEntities,
  labelLinesOf,
  MAX_FLOWCHART_PROBLEMS,
  parseFlowchart,
  type Flowchart,
  type FlowchartNode,
} from '../../../src/core/parse/mermaidFlowchart';

const REFERENCE = join(__dirname, '..', '..', '..', 'examples', 'incident-anatomy-evcache.md');

function referenceMermaid(): string {
  const markdown = readFileSync(REFERENCE, 'utf8');
  const match = /```mermaid\r?\n([\s\S]*?)```/.exec(markdown);
  assert.ok(match, 'the reference document has a mermaid block');
  return match[1];
}

function parse(code: string): Flowchart {
  const chart = parseFlowchart(code);
  assert.ok(chart, 'expected a flowchart');
  return chart;
}

function node(chart: Flowchart, id: string): FlowchartNode {
  const found = chart.nodes.find((n) => n.id === id);
  assert.ok(found, `node ${id} not found; nodes: ${chart.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

function edges(chart: Flowchart): string[] {
  return chart.edges.map((e) => `${e.from} ${e.style}${e.arrow ? '>' : ''}${e.label !== undefined ? `|${e.label}|` : ''} ${e.to}`);
}

/** The text a span covers in the code. */
function textAt(code: string, span: { line: number; character: number; length: number }): string {
  const line = code.split(/\r\n|\r|\n/)[span.line] ?? '';
  return line.slice(span.character, span.character + span.length);
}

describe('parseFlowchart', () => {
  describe('the reference document (incident-anatomy-evcache.md)', () => {
    const code = referenceMermaid();
    const chart = parse(code);

    it('reads the direction and has no problems', () => {
      assert.equal(chart.direction, 'TB');
      assert.deepEqual(chart.problems, []);
      assert.deepEqual(chart.clicks, []);
    });

    it('finds 12 timeline nodes and 4 service nodes, in order of appearance', () => {
      assert.deepEqual(
        chart.nodes.map((n) => n.id),
        [
          'Start', 'Alert1', 'Alert2', 'Triage', 'RCA1', 'RCA2', 'Rollback', 'Traffic', 'CacheWarm', 'Stable1', 'Stable2', 'PostMortem',
          'EVCacheImpact', 'PlayAPIImpact', 'CassandraImpact', 'UserImpact',
        ],
      );
      const timeline = chart.nodes.filter((n) => n.subgraphId !== 'Services');
      const services = chart.nodes.filter((n) => n.subgraphId === 'Services');
      assert.equal(timeline.length, 12);
      assert.equal(services.length, 4);
    });

    it('finds the 5 subgraphs with their titles, members and lines', () => {
      assert.deepEqual(
        chart.subgraphs.map((s) => ({ id: s.id, title: s.title, parentId: s.parentId, nodeIds: s.nodeIds, span: s.span })),
        [
          { id: 'Detection', title: 'T+0: Detection Phase - 14:23 UTC', parentId: undefined, nodeIds: ['Start', 'Alert1', 'Alert2'], span: { startLine: 1, endLine: 9 } },
          { id: 'Diagnosis', title: 'T+5min: Diagnosis Phase', parentId: undefined, nodeIds: ['Triage', 'RCA1', 'RCA2'], span: { startLine: 11, endLine: 19 } },
          { id: 'Mitigation', title: 'T+15min: Mitigation Phase', parentId: undefined, nodeIds: ['Rollback', 'Traffic', 'CacheWarm'], span: { startLine: 21, endLine: 29 } },
          { id: 'Recovery', title: 'T+35min: Recovery Phase', parentId: undefined, nodeIds: ['Stable1', 'Stable2', 'PostMortem'], span: { startLine: 31, endLine: 39 } },
          {
            id: 'Services',
            title: 'Affected Services & Metrics',
            parentId: undefined,
            nodeIds: ['EVCacheImpact', 'PlayAPIImpact', 'CassandraImpact', 'UserImpact'],
            span: { startLine: 42, endLine: 52 },
          },
        ],
      );
      assert.deepEqual(chart.subgraphs[0].titleSpan, { line: 1, character: 23, length: 32 });
      assert.equal(textAt(code, chart.subgraphs[0].titleSpan), 'T+0: Detection Phase - 14:23 UTC');
      for (const s of chart.subgraphs) assert.equal(textAt(code, s.titleSpan), s.title);
    });

    it('finds 11 solid and 4 dotted edges', () => {
      assert.equal(chart.edges.length, 15);
      assert.equal(chart.edges.filter((e) => e.style === 'solid' && e.arrow).length, 11);
      assert.equal(chart.edges.filter((e) => e.style === 'dotted' && e.arrow).length, 4);
      assert.deepEqual(chart.edges[0], { from: 'Start', to: 'Alert1', style: 'solid', arrow: true, line: 55 });
      assert.deepEqual(chart.edges[10], { from: 'Stable2', to: 'PostMortem', style: 'solid', arrow: true, line: 65 });
      assert.deepEqual(chart.edges[11], { from: 'Alert2', to: 'EVCacheImpact', style: 'dotted', arrow: true, line: 68 });
      assert.deepEqual(chart.edges[14], { from: 'CassandraImpact', to: 'UserImpact', style: 'dotted', arrow: true, line: 71 });
    });

    it('gives the label, its lines and its exact span for Start', () => {
      const start = node(chart, 'Start');
      assert.equal(start.label, '14:23:00<br/>━━━━━<br/>Deployment Initiated<br/>EVCache v3.2.1<br/>Rolling update across<br/>6 regions');
      assert.deepEqual(start.labelLines, ['14:23:00', '━━━━━', 'Deployment Initiated', 'EVCache v3.2.1', 'Rolling update across', '6 regions']);
      assert.deepEqual(start.labelSpan, { line: 4, character: 14, length: start.label!.length });
      assert.ok(textAt(code, start.labelSpan!).startsWith('14:23:00<br/>━━━━━<br/>Deployment Initiated'));
      assert.deepEqual(start.idSpan, { line: 4, character: 8, length: 5 });
      assert.equal(start.subgraphId, 'Detection');
    });

    it('keeps the label spans of every node on their text', () => {
      for (const n of chart.nodes) {
        assert.ok(n.labelSpan);
        assert.equal(textAt(code, n.labelSpan), n.label);
        assert.equal(textAt(code, n.idSpan), n.id);
      }
    });

    it('applies `class` statements to the nodes', () => {
      assert.deepEqual(node(chart, 'Start').classes, ['detectStyle']);
      assert.deepEqual(node(chart, 'RCA2').classes, ['diagnoseStyle']);
      assert.deepEqual(node(chart, 'UserImpact').classes, ['impactStyle']);
    });

    it('does not turn `style <subgraph>` into a node', () => {
      assert.ok(!chart.nodes.some((n) => n.id === 'Detection' || n.id === 'style'));
    });

    it('keeps unicode labels (emoji, arrows) intact', () => {
      assert.deepEqual(node(chart, 'PlayAPIImpact').labelLines, [
        'Playback API',
        '━━━━━',
        '⚠️ 500 instances degraded',
        '2M req/sec → 400K',
        'Timeouts: 2s circuit break',
      ]);
    });
  });

  describe('diagram type', () => {
    it('returns undefined for other diagrams and for empty input', () => {
      assert.equal(parseFlowchart('sequenceDiagram\n  A->>B: hi'), undefined);
      assert.equal(parseFlowchart('gantt\n title x'), undefined);
      assert.equal(parseFlowchart('graphviz TB'), undefined);
      assert.equal(parseFlowchart(''), undefined);
      assert.equal(parseFlowchart('   \n\n'), undefined);
      assert.equal(parseFlowchart('%% only a comment'), undefined);
    });

    it('accepts graph and flowchart, with or without a direction', () => {
      assert.equal(parse('graph TD\nA-->B').direction, 'TD');
      assert.equal(parse('flowchart LR\nA-->B').direction, 'LR');
      assert.equal(parse('flowchart-elk RL\nA-->B').direction, 'RL');
      assert.equal(parse('graph\nA-->B').direction, undefined);
      assert.equal(parse('graph BT;').direction, 'BT');
    });

    it('reads statements after `graph LR;` on the same line', () => {
      const chart = parse('graph LR; A-->B; B-->C');
      assert.deepEqual(edges(chart), ['A solid> B', 'B solid> C']);
    });

    it('skips front matter, %%{init}%% directives, comments and blank lines before the header', () => {
      const code = '\n---\ntitle: Incident\nconfig:\n  theme: dark\n---\n%%{init: {"theme": "dark"}}%%\n%% a comment\n\nflowchart TB\n  A[Go]';
      const chart = parse(code);
      assert.equal(chart.direction, 'TB');
      assert.deepEqual(node(chart, 'A').labelSpan, { line: 10, character: 4, length: 2 });
    });

    it('skips a directive spanning several lines', () => {
      const chart = parse('%%{\n  init: { "flowchart": { "curve": "linear" } }\n}%%\ngraph LR\nA-->B');
      assert.deepEqual(edges(chart), ['A solid> B']);
    });

    it('returns undefined when the front matter never closes', () => {
      assert.equal(parseFlowchart('---\ntitle: x\ngraph TB\nA-->B'), undefined);
    });

    it('reports an unknown direction but still reads the diagram', () => {
      const chart = parse('graph SIDEWAYS\nA-->B');
      assert.equal(chart.direction, undefined);
      assert.deepEqual(chart.problems, [{ message: 'Unknown direction "SIDEWAYS"; expected TB, TD, BT, RL or LR', span: { line: 0, character: 6, length: 8 } }]);
      assert.deepEqual(edges(chart), ['A solid> B']);
    });
  });

  describe('node shapes and labels', () => {
    const shapes: [string, string][] = [
      ['A[text]', 'rect'],
      ['A(text)', 'round'],
      ['A([text])', 'stadium'],
      ['A[[text]]', 'subroutine'],
      ['A[(text)]', 'cylinder'],
      ['A((text))', 'circle'],
      ['A(((text)))', 'double circle'],
      ['A>text]', 'asymmetric'],
      ['A{text}', 'rhombus'],
      ['A{{text}}', 'hexagon'],
      ['A[/text/]', 'parallelogram'],
      ['A[\\text\\]', 'parallelogram alt'],
      ['A[/text\\]', 'trapezoid'],
      ['A[\\text/]', 'trapezoid alt'],
      ['A["text"]', 'quoted'],
      ['A( text )', 'padded'],
    ];
    for (const [source, shape] of shapes) {
      it(`reads the label of ${shape}: ${source}`, () => {
        const code = `graph TB\n    ${source}`;
        const chart = parse(code);
        assert.deepEqual(chart.problems, []);
        assert.equal(chart.nodes.length, 1);
        const a = node(chart, 'A');
        assert.equal(a.label, 'text');
        assert.deepEqual(a.labelLines, ['text']);
        assert.equal(textAt(code, a.labelSpan!), 'text');
        assert.deepEqual(a.idSpan, { line: 1, character: 4, length: 1 });
      });
    }

    it('keeps brackets and parentheses inside a quoted label', () => {
      const code = 'graph TB\nA["text (with) [brackets] {and} braces"]';
      const a = node(parse(code), 'A');
      assert.equal(a.label, 'text (with) [brackets] {and} braces');
      assert.deepEqual(a.labelSpan, { line: 1, character: 3, length: 35 });
    });

    it('reads markdown strings, also across lines', () => {
      const chart = parse('graph TB\nA["`**bold** text`"]\nB["`line one\nline two`"] --> A');
      assert.deepEqual(chart.problems, []);
      assert.equal(node(chart, 'A').label, '**bold** text');
      assert.deepEqual(node(chart, 'A').labelSpan, { line: 1, character: 4, length: 13 });
      assert.deepEqual(node(chart, 'B').labelLines, ['line one', 'line two']);
      // The span stays on the line where the label starts.
      assert.deepEqual(node(chart, 'B').labelSpan, { line: 2, character: 4, length: 8 });
      assert.deepEqual(edges(chart), ['B solid> A']);
    });

    it('reads the new shape syntax A@{ shape, label }', () => {
      const code = 'flowchart TB\n  A@{ shape: rect, label: "Deploy (canary)" }\n  B@{ label: plain text, shape: circle }\n  C@{ shape: cyl }\n  A --> B';
      const chart = parse(code);
      assert.deepEqual(chart.problems, []);
      assert.equal(node(chart, 'A').label, 'Deploy (canary)');
      assert.equal(textAt(code, node(chart, 'A').labelSpan!), 'Deploy (canary)');
      assert.equal(node(chart, 'B').label, 'plain text');
      assert.equal(node(chart, 'C').label, undefined);
      assert.deepEqual(edges(chart), ['A solid> B']);
    });

    it('reads a multi-line A@{ ... } block', () => {
      const chart = parse('flowchart TB\n  A@{\n    shape: rect\n    label: "Multi"\n  }\n  A --> B');
      assert.equal(node(chart, 'A').label, 'Multi');
      assert.deepEqual(node(chart, 'A').labelSpan, { line: 3, character: 12, length: 5 });
      assert.deepEqual(edges(chart), ['A solid> B']);
    });

    it('splits label lines on <br>, <br/>, <br />, line breaks and \\n, and decodes entities', () => {
      const chart = parse('graph TB\nA[one<br>two<BR/>three<br />four\\nfive]\nB["a &amp; b &lt;c&gt; &quot;d&quot; #35;1 #quot;q#quot;"]');
      assert.deepEqual(node(chart, 'A').labelLines, ['one', 'two', 'three', 'four', 'five']);
      assert.deepEqual(node(chart, 'B').labelLines, ['a & b <c> "d" #1 "q"']);
    });

    it('trims label lines, drops empty ones and keeps separator lines', () => {
      const a = node(parse('graph TB\nA[  14:00  <br/><br/> ━━━━━ <br/>  Event ]'), 'A');
      assert.deepEqual(a.labelLines, ['14:00', '━━━━━', 'Event']);
      assert.equal(a.label, '14:00  <br/><br/> ━━━━━ <br/>  Event');
    });

    it('uses the last definition of a node, as Mermaid does', () => {
      const code = 'graph TB\nA --> B\nA[First]\nA[Second]';
      const chart = parse(code);
      assert.equal(node(chart, 'A').label, 'Second');
      assert.deepEqual(node(chart, 'A').idSpan, { line: 3, character: 0, length: 1 });
      assert.deepEqual(node(chart, 'B').labelLines, []);
    });

    it('reads classes from :::name and from `class a,b name`', () => {
      const chart = parse('graph TB\nA[x]:::hot --> B:::cold:::slow\nclass A,C warm\nclass B hot\nC');
      assert.deepEqual(node(chart, 'A').classes, ['hot', 'warm']);
      assert.deepEqual(node(chart, 'B').classes, ['cold', 'slow', 'hot']);
      assert.deepEqual(node(chart, 'C').classes, ['warm']);
      assert.deepEqual(edges(chart), ['A solid> B']);
    });

    it('accepts unicode, dots, dashes and underscores in ids', () => {
      const chart = parse('graph LR\nnode-1.a --> é_2\nx-y-->z');
      assert.deepEqual(edges(chart), ['node-1.a solid> é_2', 'x-y solid> z']);
    });
  });

  describe('edges', () => {
    const cases: [string, string][] = [
      ['A --> B', 'A solid> B'],
      ['A --- B', 'A solid B'],
      ['A ----> B', 'A solid> B'],
      ['A -.-> B', 'A dotted> B'],
      ['A -.- B', 'A dotted B'],
      ['A -..-> B', 'A dotted> B'],
      ['A ==> B', 'A thick> B'],
      ['A === B', 'A thick B'],
      ['A ~~~ B', 'A invisible B'],
      ['A --o B', 'A solid> B'],
      ['A --x B', 'A solid> B'],
      ['A <--> B', 'A solid> B'],
      ['A o--o B', 'A solid> B'],
      ['A x--x B', 'A solid> B'],
      ['A<-.->B', 'A dotted> B'],
      ['A -- text --> B', 'A solid>|text| B'],
      ['A -- text --- B', 'A solid|text| B'],
      ['A -- "quoted text" --> B', 'A solid>|quoted text| B'],
      ['A -- two words -->B', 'A solid>|two words| B'],
      ['A -->|text| B', 'A solid>|text| B'],
      ['A -->|"quoted | text"| B', 'A solid>|quoted | text| B'],
      ['A --- |text| B', 'A solid|text| B'],
      ['A -. text .-> B', 'A dotted>|text| B'],
      ['A -. text .- B', 'A dotted|text| B'],
      ['A == text ==> B', 'A thick>|text| B'],
      ['A == text === B', 'A thick|text| B'],
      ['A-->B', 'A solid> B'],
      ['A-.->B', 'A dotted> B'],
      ['A==>B', 'A thick> B'],
      ['A e1@--> B', 'A solid> B'],
    ];
    for (const [source, expected] of cases) {
      it(`reads ${source}`, () => {
        const chart = parse(`graph LR\n${source}`);
        assert.deepEqual(chart.problems, []);
        assert.deepEqual(edges(chart), [expected]);
        assert.equal(chart.edges[0].line, 1);
      });
    }

    it('reads `--o` as a circle head, so `arrow` is true, and `---` has no head', () => {
      const chart = parse('graph LR\nA --o B\nA --- C');
      assert.equal(chart.edges[0].arrow, true);
      assert.equal(chart.edges[1].arrow, false);
    });

    it('reads chains', () => {
      const chart = parse('graph LR\nA --> B --> C -.-> D');
      assert.deepEqual(edges(chart), ['A solid> B', 'B solid> C', 'C dotted> D']);
    });

    it('reads & groups as every pair', () => {
      const chart = parse('graph LR\nA & B --> C & D');
      assert.deepEqual(edges(chart), ['A solid> C', 'A solid> D', 'B solid> C', 'B solid> D']);
      assert.deepEqual(chart.nodes.map((n) => n.id), ['A', 'B', 'C', 'D']);
    });

    it('defines nodes inline in edges', () => {
      const code = 'graph LR\nA[x] --> B(y) -->|go| C{z?}';
      const chart = parse(code);
      assert.deepEqual(edges(chart), ['A solid> B', 'B solid>|go| C']);
      assert.deepEqual(chart.nodes.map((n) => [n.id, n.label]), [['A', 'x'], ['B', 'y'], ['C', 'z?']]);
      assert.equal(textAt(code, node(chart, 'C').labelSpan!), 'z?');
    });

    it('separates statements with ;', () => {
      const chart = parse('graph LR\nA-->B;B-->C;\nC["a;b"]-->D');
      assert.deepEqual(edges(chart), ['A solid> B', 'B solid> C', 'C solid> D']);
      assert.equal(node(chart, 'C').label, 'a;b');
    });

    it('records the line of each edge', () => {
      const chart = parse('graph LR\n\nA-->B\n%% x\nB-->C');
      assert.deepEqual(chart.edges.map((e) => e.line), [2, 4]);
    });

    it('keeps an edge to a subgraph without inventing a node', () => {
      const chart = parse('graph LR\nA --> S\nsubgraph S[Stage]\n  B\nend');
      assert.deepEqual(edges(chart), ['A solid> S']);
      assert.deepEqual(chart.nodes.map((n) => n.id), ['A', 'B']);
    });
  });

  describe('subgraphs', () => {
    it('reads the id and title forms', () => {
      const code = [
        'flowchart TB',
        'subgraph one[Title One]',
        'end',
        'subgraph two [Title Two]',
        'end',
        'subgraph "Quoted Title"',
        'end',
        'subgraph Title with spaces',
        'end',
        'subgraph plain',
        'end',
        'subgraph md["`**Bold** title`"]',
        'end',
      ].join('\n');
      const chart = parse(code);
      assert.deepEqual(chart.problems, []);
      assert.deepEqual(
        chart.subgraphs.map((s) => [s.id, s.title, textAt(code, s.titleSpan)]),
        [
          ['one', 'Title One', 'Title One'],
          ['two', 'Title Two', 'Title Two'],
          ['subGraph2', 'Quoted Title', 'Quoted Title'],
          ['subGraph3', 'Title with spaces', 'Title with spaces'],
          ['plain', 'plain', 'plain'],
          ['md', '**Bold** title', '**Bold** title'],
        ],
      );
    });

    it('nests subgraphs, ignores `direction`, and assigns nodes to the innermost one', () => {
      const code = [
        'flowchart LR',
        '  subgraph outer[Outer]',
        '    direction TB',
        '    A --> B',
        '    subgraph inner[Inner]',
        '      direction LR',
        '      C',
        '    end',
        '    D',
        '  end',
        '  E --> A',
      ].join('\n');
      const chart = parse(code);
      assert.deepEqual(chart.problems, []);
      assert.deepEqual(
        chart.subgraphs.map((s) => ({ id: s.id, parentId: s.parentId, nodeIds: s.nodeIds, span: s.span })),
        [
          { id: 'outer', parentId: undefined, nodeIds: ['A', 'B', 'D'], span: { startLine: 1, endLine: 9 } },
          { id: 'inner', parentId: 'outer', nodeIds: ['C'], span: { startLine: 4, endLine: 7 } },
        ],
      );
      assert.equal(node(chart, 'E').subgraphId, undefined);
      assert.equal(node(chart, 'A').subgraphId, 'outer');
      assert.ok(!chart.nodes.some((n) => n.id === 'direction' || n.id === 'TB'));
    });

    it('puts a node first referenced outside any subgraph into the subgraph that lists it later', () => {
      const chart = parse('graph TB\nA --> B\nsubgraph S[S]\n  A\nend');
      assert.equal(node(chart, 'A').subgraphId, 'S');
      assert.deepEqual(chart.subgraphs[0].nodeIds, ['A']);
    });

    it('reports a missing end and closes the subgraph at the last line', () => {
      const chart = parse('graph TB\nsubgraph S[Stage]\n  A\n  B');
      assert.deepEqual(chart.problems, [{ message: 'Subgraph "S" has no matching "end"', span: { line: 1, character: 0, length: 8 } }]);
      assert.deepEqual(chart.subgraphs[0].span, { startLine: 1, endLine: 3 });
      assert.deepEqual(chart.subgraphs[0].nodeIds, ['A', 'B']);
    });

    it('reports an `end` without a subgraph', () => {
      const chart = parse('graph TB\nA\n  end');
      assert.deepEqual(chart.problems, [{ message: '"end" without an open subgraph', span: { line: 2, character: 2, length: 3 } }]);
    });

    it('treats `End` and `ending` as nodes, not as the keyword', () => {
      const chart = parse('graph TB\nsubgraph S\nEnd --> ending\nend');
      assert.deepEqual(chart.problems, []);
      assert.deepEqual(chart.subgraphs[0].nodeIds, ['End', 'ending']);
    });
  });

  describe('statements that are not nodes', () => {
    it('ignores style, classDef, linkStyle, comments and accessibility lines', () => {
      const code = [
        'graph TB',
        '%% comment --> X',
        'accTitle: Title',
        'accDescr: One line',
        'accDescr {',
        '  several --> lines',
        '}',
        'style A fill:#f9f,stroke:#333',
        'classDef hot fill:#f00;',
        'linkStyle 0 stroke:#ff3,stroke-width:4px',
        'linkStyle default interpolate basis',
        'A --> B',
      ].join('\n');
      const chart = parse(code);
      assert.deepEqual(chart.problems, []);
      assert.deepEqual(chart.nodes.map((n) => n.id), ['A', 'B']);
      assert.deepEqual(edges(chart), ['A solid> B']);
    });

    it('records clicks with their line', () => {
      const chart = parse('graph TB\nA-->B\nclick A callback "Tooltip"\nclick B href "https://example.com" _blank\nclick C call fn()');
      assert.deepEqual(chart.clicks, [
        { nodeId: 'A', line: 2 },
        { nodeId: 'B', line: 3 },
        { nodeId: 'C', line: 4 },
      ]);
      assert.deepEqual(chart.nodes.map((n) => n.id), ['A', 'B']);
    });

    it('handles CRLF and CR line endings', () => {
      const code = 'graph TB\r\nsubgraph S[Phase]\r\n  A[x<br/>y] --> B\r\nend\rB --> C';
      const chart = parse(code);
      assert.deepEqual(chart.problems, []);
      assert.deepEqual(node(chart, 'A').labelSpan, { line: 2, character: 4, length: 7 });
      assert.deepEqual(chart.subgraphs[0].span, { startLine: 1, endLine: 3 });
      assert.deepEqual(chart.edges.map((e) => e.line), [2, 4]);
    });
  });

  describe('problems (best effort, never throws)', () => {
    it('reports an unclosed bracket and keeps the rest of the line as the label', () => {
      const code = 'graph TB\nA[never closed --> B\nC --> D';
      const chart = parse(code);
      assert.deepEqual(chart.problems, [{ message: 'Unclosed "[" in node "A"', span: { line: 1, character: 1, length: 1 } }]);
      assert.equal(node(chart, 'A').label, 'never closed --> B');
      assert.deepEqual(edges(chart), ['C solid> D']);
    });

    it('reports an unclosed quote', () => {
      const chart = parse('graph TB\nA["open] --> B\nC');
      assert.equal(chart.problems[0].message, 'Unclosed quote');
      assert.deepEqual(chart.problems[0].span, { line: 1, character: 2, length: 1 });
      assert.ok(chart.nodes.some((n) => n.id === 'C'));
    });

    it('reports unclosed link text and a link without a target', () => {
      const chart = parse('graph TB\nA -- dangling\nB -->\nC -->|open B');
      assert.deepEqual(
        chart.problems.map((p) => [p.message, p.span.line]),
        [
          ['Unclosed link text after "--"', 1],
          ['Unexpected text "-- dangling"', 1],
          ['Link without a target node', 2],
          ['Unclosed "|" in link text', 3],
          ['Link without a target node', 3],
        ],
      );
    });

    it('reports unexpected text and goes on with the next statement', () => {
      const chart = parse('graph TB\n]]] ; A --> B\nC[x] junk');
      assert.deepEqual(chart.problems, [
        { message: 'Unexpected text "]]] "', span: { line: 1, character: 0, length: 4 } },
        { message: 'Unexpected text "junk"', span: { line: 2, character: 5, length: 4 } },
      ]);
      assert.deepEqual(edges(chart), ['A solid> B']);
    });

    it('caps the number of problems', () => {
      const chart = parse('graph TB\n' + ']\n'.repeat(5000));
      assert.equal(chart.problems.length, MAX_FLOWCHART_PROBLEMS);
    });

    it('survives binary junk', () => {
      let seed = 42;
      const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      for (let round = 0; round < 50; round++) {
        let junk = 'graph TB\n';
        for (let i = 0; i < 2000; i++) junk += String.fromCharCode(Math.floor(random() * 0x3000));
        const chart = parseFlowchart(junk);
        assert.ok(chart);
        assert.ok(Array.isArray(chart.nodes) && Array.isArray(chart.problems));
      }
      assert.equal(parseFlowchart('\u0000\u0001\uFFFF\uD800'), undefined);
      assert.equal(parseFlowchart(undefined as unknown as string), undefined);
    });

    it('survives mermaid-flavoured random junk', () => {
      const pieces = ['A', 'B', '[', ']', '(', ')', '{', '}', '"', '`', '-->', '--', '-.', '.->', '==', '|', '&', ':::', '@{', ';', '\n', ' ', 'subgraph ', 'end', '%%', '<br/>', '#35;', 'click ', 'class '];
      let seed = 7;
      const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      for (let round = 0; round < 200; round++) {
        let code = 'flowchart LR\n';
        for (let i = 0; i < 300; i++) code += pieces[Math.floor(random() * pieces.length)];
        const chart = parseFlowchart(code);
        assert.ok(chart);
        for (const n of chart.nodes) assert.ok(n.id.length > 0);
        for (const e of chart.edges) assert.ok(chart.nodes.some((n) => n.id === e.from) || chart.subgraphs.some((s) => s.id === e.from));
      }
    });
  });

  describe('1 MB lines (linear time, no catastrophic backtracking)', () => {
    const MB = 1024 * 1024;

    it('a 1 MB node id', () => {
      const chart = parse('graph TB\n' + 'a'.repeat(MB));
      assert.equal(chart.nodes.length, 1);
      assert.equal(chart.nodes[0].id.length, MB);
    });

    it('a 1 MB label with many <br/>', () => {
      const chart = parse('graph TB\nA[' + 'x<br/>'.repeat(MB / 6) + ']');
      assert.equal(node(chart, 'A').labelLines.length, Math.floor(MB / 6));
    });

    it('1 MB of opening brackets, quotes, dashes and pipes', () => {
      for (const unit of ['[', 'A[', 'A["', '"', '-', 'A -- ', 'A -. ', 'A == ', '|', 'A-->|', '(', '{', '@{', 'A@{ "', '`', '%%{', '<br', '&#', '#']) {
        const chart = parseFlowchart('graph TB\n' + unit.repeat(Math.ceil(MB / unit.length)));
        assert.ok(chart, unit);
        assert.ok(chart.problems.length <= MAX_FLOWCHART_PROBLEMS);
      }
    });

    it('a 1 MB chain and a 1 MB & group', () => {
      const chain = parse('graph LR\nA' + '-->A'.repeat(MB / 4));
      assert.equal(chain.edges.length, MB / 4);
      assert.equal(chain.nodes.length, 1);
      const group = parse('graph LR\n' + 'A & '.repeat(MB / 4) + 'B');
      assert.equal(group.nodes.length, 2);
    });

    it('1 MB of statements on one line', () => {
      const chart = parse('graph LR\n' + 'A[x];'.repeat(MB / 5));
      assert.equal(chart.nodes.length, 1);
      assert.deepEqual(chart.problems, []);
    });

    it('many unclosed labels, one per line', () => {
      const chart = parse('graph LR\n' + 'A["x\n'.repeat(100_000) + 'B["done"]');
      assert.equal(node(chart, 'B').label, 'done');
      assert.equal(chart.problems.length, MAX_FLOWCHART_PROBLEMS);
    });

    it('a 1 MB junk header line', () => {
      assert.equal(parseFlowchart('x'.repeat(MB)), undefined);
      const chart = parse('graph ' + 'TB'.repeat(MB / 2));
      assert.equal(chart.direction, undefined);
      assert.equal(chart.problems.length, 1);
    });

    it('1 MB of subgraphs without end', () => {
      const chart = parse('graph TB\n' + 'subgraph a\n'.repeat(MB / 11));
      assert.equal(chart.subgraphs.length, Math.floor(MB / 11));
      assert.equal(chart.problems.length, MAX_FLOWCHART_PROBLEMS);
    });
  });
});

describe('labelLinesOf / decodeEntities', () => {
  it('decodes HTML and Mermaid entities once', () => {
    assert.equal(decodeEntities('&amp;lt; #35; #9829; &#x41; &#66; #quot;x#quot; &bogus; #123456789;'), '&lt; # ♥ A B "x" &bogus; #123456789;');
  });

  it('leaves text without entities alone', () => {
    assert.equal(decodeEntities('a & b # c'), 'a & b # c');
  });

  it('splits and trims', () => {
    assert.deepEqual(labelLinesOf(' a <br>b<br/>c<br />d\ne '), ['a', 'b', 'c', 'd', 'e']);
  });
});
