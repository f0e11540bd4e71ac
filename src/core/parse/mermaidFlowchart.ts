// A tolerant extractor for Mermaid flowcharts (`graph` / `flowchart`): nodes with their labels and
// positions, subgraphs, edges, classes and clicks. It is not a validator: it reads what it can, records
// what it could not read in `problems`, and never throws.
//
// Performance: one forward pass over the text. Searches for closing delimiters go through `findNext`,
// which remembers the last answer per needle, so repeated searches never rescan the same text and a
// 1 MB line of junk costs linear time. No regex has nested or overlapping quantifiers.

/** A position in the code given to `parseFlowchart`: 0-based line (relative to its first line), 0-based character, length on that line. */
export interface CodeSpan {
  line: number;
  character: number;
  length: number;
}

/** A node: id, label as written (without brackets or quotes) and its display lines. */
export interface FlowchartNode {
  id: string;
  label?: string;
  labelLines: string[];
  labelSpan?: CodeSpan;
  idSpan: CodeSpan;
  subgraphId?: string;
  classes: string[];
}

/** A `subgraph ... end` block; `nodeIds` lists the nodes directly inside it. */
export interface FlowchartSubgraph {
  id: string;
  title: string;
  titleSpan: CodeSpan;
  parentId?: string;
  nodeIds: string[];
  span: { startLine: number; endLine: number };
}

/** A link between two nodes; `arrow` is true when the target end has a head (`>`, `o` or `x`). */
export interface FlowchartEdge {
  from: string;
  to: string;
  style: 'solid' | 'dotted' | 'thick' | 'invisible';
  arrow: boolean;
  label?: string;
  line: number;
}

/** What `parseFlowchart` found in a flowchart. */
export interface Flowchart {
  direction?: string;
  nodes: FlowchartNode[];
  subgraphs: FlowchartSubgraph[];
  edges: FlowchartEdge[];
  clicks: { nodeId: string; line: number }[];
  problems: { message: string; span: CodeSpan }[];
}

/** Most problems recorded for one diagram. */
export const MAX_FLOWCHART_PROBLEMS = 100;

/** Reads a Mermaid flowchart; undefined when the first significant line is not `graph`/`flowchart` (+ optional direction). */
export function parseFlowchart(code: string): Flowchart | undefined {
  if (typeof code !== 'string') return undefined;
  try {
    return new FlowchartReader(code).read();
  } catch {
    // Defensive only: the reader is written not to throw.
    return undefined;
  }
}

/** Splits a label into display lines: on `<br>`, `<br/>`, `<br />`, real line breaks and a literal `\n`; decodes entities, trims, drops empty lines. */
export function labelLinesOf(raw: string): string[] {
  return raw
    .split(/<br[ \t]*\/?>|\r\n|\r|\n|\\n/i)
    .map((part) => decodeEntities(part).trim())
    .filter((part) => part !== '');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes HTML entities (`&amp;`, `&#35;`) and Mermaid's entity codes (`#35;`, `#quot;`). */
export function decodeEntities(text: string): string {
  if (text.indexOf(';') < 0) return text;
  return text.replace(
    /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});|#([0-9]{1,7}|[a-zA-Z]{2,8});/g,
    (whole: string, html: string | undefined, mermaid: string | undefined) => {
      const name = html ?? `${mermaid !== undefined && /^[0-9]/.test(mermaid) ? '#' : ''}${mermaid ?? ''}`;
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
          ? String.fromCodePoint(code)
          : whole;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    },
  );
}

// ---------------------------------------------------------------------------------------------

const DIRECTIONS = new Set(['TB', 'TD', 'BT', 'RL', 'LR', '<', '>', '^', 'V']);

/** Node shapes: opener and the closers it accepts; longest openers first. */
const SHAPES: { open: string; close: string[] }[] = [
  { open: '(((', close: [')))'] },
  { open: '((', close: ['))'] },
  { open: '([', close: ['])'] },
  { open: '[[', close: [']]'] },
  { open: '[(', close: [')]'] },
  { open: '[/', close: ['/]', '\\]'] },
  { open: '[\\', close: ['\\]', '/]'] },
  { open: '{{', close: ['}}'] },
  { open: '[', close: [']'] },
  { open: '(', close: [')'] },
  { open: '{', close: ['}'] },
  { open: '>', close: [']'] },
];

interface NodeState {
  node: FlowchartNode;
  hasOwnSubgraph: boolean;
}

interface OpenSubgraph {
  subgraph: FlowchartSubgraph;
  keywordOffset: number;
}

interface Label {
  text: string;
  start: number;
}

class FlowchartReader {
  private readonly text: string;
  private readonly lineStarts: number[] = [0];
  private pos = 0;
  private readonly nodes = new Map<string, NodeState>();
  private readonly order: NodeState[] = [];
  private readonly subgraphs: FlowchartSubgraph[] = [];
  private readonly stack: OpenSubgraph[] = [];
  private readonly edges: FlowchartEdge[] = [];
  private readonly clicks: { nodeId: string; line: number }[] = [];
  private readonly problems: { message: string; span: CodeSpan }[] = [];
  private readonly classStatements: { ids: string[]; classes: string[] }[] = [];
  private readonly found = new Map<string, { from: number; at: number }>();
  private direction: string | undefined;

  constructor(code: string) {
    this.text = code;
    for (let i = 0; i < code.length; i++) {
      const c = code.charCodeAt(i);
      if (c === 13) {
        if (code.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  read(): Flowchart | undefined {
    if (!this.readHeader()) return undefined;
    while (this.pos < this.text.length) this.statement();
    this.finish();
    // An edge to a subgraph (`A --> Detection`) names the subgraph, not a node.
    const subgraphIds = new Set(this.subgraphs.map((g) => g.id));
    const nodes = this.order.map((s) => s.node).filter((n) => n.label !== undefined || !subgraphIds.has(n.id));
    const chart: Flowchart = {
      nodes,
      subgraphs: this.subgraphs,
      edges: this.edges,
      clicks: this.clicks,
      problems: this.problems,
    };
    if (this.direction !== undefined) chart.direction = this.direction;
    return chart;
  }

  // -- header: blank lines, front matter, %%{init}%% directives and comments, then graph/flowchart

  private readHeader(): boolean {
    const t = this.text;
    let sawContent = false;
    while (this.pos < t.length) {
      const lineEnd = this.lineEnd(this.pos);
      const line = t.slice(this.pos, lineEnd);
      const trimmed = line.trim();
      if (trimmed === '' || trimmed === '\uFEFF') {
        this.pos = this.nextLine(this.pos);
        continue;
      }
      if (trimmed === '---' && !sawContent) {
        // Front matter: skip to the closing ---.
        sawContent = true;
        let p = this.nextLine(this.pos);
        let closed = false;
        while (p < t.length) {
          const end = this.lineEnd(p);
          if (t.slice(p, end).trim() === '---') {
            closed = true;
            p = this.nextLine(p);
            break;
          }
          p = this.nextLine(p);
        }
        if (!closed) return false;
        this.pos = p;
        continue;
      }
      sawContent = true;
      if (trimmed.startsWith('%%{')) {
        const close = this.findNext('}%%', this.pos);
        if (close < 0) return false;
        this.pos = this.nextLine(close);
        continue;
      }
      if (trimmed.startsWith('%%')) {
        this.pos = this.nextLine(this.pos);
        continue;
      }
      const header = /^[ \t\uFEFF]*(graph|flowchart-elk|flowchart)(?=[ \t;]|$)[ \t]*/.exec(line.length > 200 ? line.slice(0, 200) : line);
      if (!header) return false;
      let p = this.pos + header[0].length;
      const word = /^[^ \t;]*/.exec(t.slice(p, Math.min(lineEnd, p + 50)))![0];
      if (word !== '' && DIRECTIONS.has(word.toUpperCase())) {
        this.direction = word;
        p = this.skipSpacesFrom(p + word.length);
      } else if (word !== '') {
        this.problem(`Unknown direction "${clip(word)}"; expected TB, TD, BT, RL or LR`, p, word.length);
        p = this.skipToStatementEnd(p);
      }
      if (p < lineEnd && t[p] !== ';' && !t.startsWith('%%', p)) {
        const end = this.skipToStatementEnd(p);
        this.problem(`Unexpected text "${clip(t.slice(p, end))}" after the diagram type`, p, end - p);
        p = end;
      }
      this.pos = p;
      return true;
    }
    return false;
  }

  // -- statements

  private statement(): void {
    const t = this.text;
    this.skipSpaces();
    if (this.pos >= t.length) return;
    const c = t[this.pos];
    if (c === '\n' || c === '\r' || c === ';') {
      this.pos++;
      return;
    }
    if (t.startsWith('%%', this.pos)) {
      this.pos = this.lineEnd(this.pos);
      return;
    }
    const start = this.pos;
    const keyword = this.keywordAt(start);
    switch (keyword) {
      case 'subgraph':
        this.subgraphStatement(start);
        return;
      case 'end':
        this.endStatement(start);
        return;
      case 'direction':
      case 'style':
      case 'classDef':
      case 'linkStyle':
        this.pos = this.skipToStatementEnd(start);
        return;
      case 'class':
        this.classStatement(start + keyword.length);
        return;
      case 'click':
        this.clickStatement(start + keyword.length);
        return;
      case 'accTitle':
      case 'accDescr':
        this.accessibilityStatement(start + keyword.length);
        return;
      default:
        this.nodeStatement();
    }
  }

  private keywordAt(p: number): string | undefined {
    const t = this.text;
    let e = p;
    while (e < t.length && e - p < 10 && isAsciiLetter(t.charCodeAt(e))) e++;
    const word = t.slice(p, e);
    const next = t[e];
    const boundary = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === ';';
    switch (word) {
      case 'subgraph':
      case 'end':
      case 'direction':
      case 'style':
      case 'classDef':
      case 'linkStyle':
      case 'class':
      case 'click':
        return boundary ? word : undefined;
      case 'accTitle':
      case 'accDescr':
        return boundary || next === ':' || next === '{' ? word : undefined;
      default:
        return undefined;
    }
  }

  private subgraphStatement(keywordOffset: number): void {
    const t = this.text;
    this.pos = keywordOffset + 'subgraph'.length;
    this.skipSpaces();
    const headerStart = this.pos;
    const end = this.statementEndOutsideDelimiters(headerStart);
    let id: string | undefined;
    let title: string | undefined;
    let titleStart = headerStart;
    let p = headerStart;
    if (t[p] === '"') {
      const label = this.readQuoted(p, end);
      if (label) {
        title = label.text;
        titleStart = label.start;
        p = label.end;
      }
    } else {
      const idEnd = this.scanId(p, end);
      if (idEnd > p) {
        id = t.slice(p, idEnd);
        let q = idEnd;
        while (q < end && (t[q] === ' ' || t[q] === '\t')) q++;
        if (q < end && (t[q] === '[' || t[q] === '(' || t[q] === '{')) {
          const shaped = this.readShape(q, id, end);
          if (shaped.label) {
            title = shaped.label.text;
            titleStart = shaped.label.start;
          }
          p = shaped.end;
        } else if (q >= end) {
          title = id;
          titleStart = headerStart;
          p = idEnd;
        } else {
          // `subgraph Title with spaces`: the whole text is the title.
          id = undefined;
          p = end;
        }
      }
    }
    if (title === undefined) {
      const raw = t.slice(headerStart, end);
      title = raw.trim();
      titleStart = headerStart;
      p = end;
    }
    if (id === undefined) id = /\s/.test(title) || title === '' ? `subGraph${this.subgraphs.length}` : title;
    if (title === '' && headerStart >= end) this.problem('Subgraph without a title', keywordOffset, 'subgraph'.length);
    const skipped = this.skipSpacesFrom(p);
    if (skipped < end) this.problem(`Unexpected text "${clip(t.slice(skipped, end))}" after the subgraph title`, skipped, end - skipped);
    const startLine = this.lineOf(keywordOffset);
    const subgraph: FlowchartSubgraph = {
      id,
      title,
      titleSpan: this.span(titleStart, title.length),
      nodeIds: [],
      span: { startLine, endLine: startLine },
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent) subgraph.parentId = parent.subgraph.id;
    this.subgraphs.push(subgraph);
    this.stack.push({ subgraph, keywordOffset });
    this.pos = end;
  }

  private endStatement(start: number): void {
    this.pos = start + 3;
    const open = this.stack.pop();
    if (open) open.subgraph.span.endLine = this.lineOf(start);
    else this.problem('"end" without an open subgraph', start, 3);
  }

  private classStatement(p: number): void {
    const end = this.skipToStatementEnd(p);
    const tokens = this.text.slice(p, end).trim().split(/[ \t]+/).filter(Boolean);
    if (tokens.length < 2) {
      this.problem('"class" needs node ids and a class name', p, end - p);
    } else {
      const classes = tokens[tokens.length - 1].split(',').filter(Boolean);
      const ids = tokens.slice(0, -1).join('').split(',').filter(Boolean);
      this.classStatements.push({ ids, classes });
    }
    this.pos = end;
  }

  private clickStatement(p: number): void {
    const q = this.skipSpacesFrom(p);
    const end = this.lineEnd(q);
    const idEnd = this.scanId(q, end);
    if (idEnd > q) this.clicks.push({ nodeId: this.text.slice(q, idEnd), line: this.lineOf(q) });
    else this.problem('"click" needs a node id', p, 0);
    this.pos = end;
  }

  private accessibilityStatement(p: number): void {
    const q = this.skipSpacesFrom(p);
    if (this.text[q] === '{') {
      const close = this.findNext('}', q);
      this.pos = close < 0 ? this.text.length : close + 1;
    } else {
      this.pos = this.lineEnd(q);
    }
  }

  /** `A`, `A[x] --> B & C`, `A -- text --> B --> C`, ... */
  private nodeStatement(): void {
    const t = this.text;
    let group = this.nodeGroup();
    if (group.length === 0) {
      const end = this.skipToStatementEnd(this.pos);
      this.problem(`Unexpected text "${clip(t.slice(this.pos, end))}"`, this.pos, end - this.pos);
      this.pos = end;
      return;
    }
    for (;;) {
      const linkStart = this.skipSpacesFrom(this.pos);
      const link = this.link(linkStart, this.lineEnd(linkStart));
      if (!link) break;
      this.pos = this.skipSpacesFrom(link.end);
      const targets = this.nodeGroup();
      if (targets.length === 0) {
        this.problem('Link without a target node', linkStart, link.end - linkStart);
        break;
      }
      const line = this.lineOf(linkStart);
      for (const from of group) {
        for (const to of targets) {
          const edge: FlowchartEdge = { from, to, style: link.style, arrow: link.arrow, line };
          if (link.label !== undefined) edge.label = link.label;
          this.edges.push(edge);
        }
      }
      group = targets;
    }
    const rest = this.skipSpacesFrom(this.pos);
    if (rest < t.length && t[rest] !== '\n' && t[rest] !== '\r' && t[rest] !== ';' && !t.startsWith('%%', rest)) {
      const end = this.skipToStatementEnd(rest);
      this.problem(`Unexpected text "${clip(t.slice(rest, end))}"`, rest, end - rest);
      this.pos = end;
    } else {
      this.pos = rest;
    }
  }

  /** `A & B[x] & C`: ids of the nodes read, each registered. */
  private nodeGroup(): string[] {
    const ids: string[] = [];
    for (;;) {
      const id = this.node(this.lineEnd(this.pos));
      if (id === undefined) break;
      ids.push(id);
      const q = this.skipSpacesFrom(this.pos);
      if (this.text[q] !== '&') break;
      this.pos = this.skipSpacesFrom(q + 1);
    }
    return ids;
  }

  /** One node reference or definition at `pos`; returns its id and moves past it. */
  private node(lineEnd: number): string | undefined {
    const t = this.text;
    const start = this.pos;
    const idEnd = this.scanId(start, lineEnd);
    if (idEnd === start) return undefined;
    const id = t.slice(start, idEnd);
    let p = idEnd;
    let label: Label | undefined;
    if (t.startsWith('@{', p)) {
      const shaped = this.readShapeData(p + 1, id);
      label = shaped.label;
      p = shaped.end;
    } else {
      let q = p;
      while (q < lineEnd && (t[q] === ' ' || t[q] === '\t')) q++;
      const opener = SHAPES.find((s) => t.startsWith(s.open, q));
      // `A >text]` is a shape only right after the id; `A > B` is not Mermaid anyway.
      if (opener && (q === p || opener.open !== '>')) {
        const shaped = this.readShape(q, id, lineEnd);
        label = shaped.label;
        p = shaped.end;
      }
    }
    const classes: string[] = [];
    while (t.startsWith(':::', p)) {
      let e = p + 3;
      while (e < lineEnd && isClassChar(t.charCodeAt(e))) e++;
      if (e > p + 3) classes.push(t.slice(p + 3, e));
      p = e;
    }
    this.pos = p;
    this.touchNode(id, start, label, classes);
    return id;
  }

  private touchNode(id: string, idStart: number, label: Label | undefined, classes: string[]): void {
    let state = this.nodes.get(id);
    const inside = this.stack[this.stack.length - 1]?.subgraph.id;
    if (!state) {
      const node: FlowchartNode = { id, labelLines: [], idSpan: this.span(idStart, id.length), classes: [] };
      state = { node, hasOwnSubgraph: false };
      this.nodes.set(id, state);
      this.order.push(state);
    }
    if (inside !== undefined && !state.hasOwnSubgraph) {
      state.node.subgraphId = inside;
      state.hasOwnSubgraph = true;
    }
    if (label) {
      // As in Mermaid, the last definition's text wins.
      state.node.label = label.text;
      state.node.labelLines = labelLinesOf(label.text);
      state.node.labelSpan = this.span(label.start, label.text.length);
      state.node.idSpan = this.span(idStart, id.length);
    }
    for (const c of classes) if (!state.node.classes.includes(c)) state.node.classes.push(c);
  }

  /** A shape such as `[text]`, `((text))`, `[/text\]`, `>text]` starting at `open`. */
  private readShape(open: number, id: string, lineEnd: number): { label?: Label; end: number } {
    const t = this.text;
    const shape = SHAPES.find((s) => t.startsWith(s.open, open))!;
    const contentStart = open + shape.open.length;
    const q = this.skipSpacesFrom(contentStart);
    if (t[q] === '"') {
      const quoted = this.readQuoted(q, lineEnd);
      if (quoted) {
        const after = this.skipSpacesFrom(quoted.end);
        const closer = shape.close.find((c) => t.startsWith(c, after));
        if (closer) return { label: { text: quoted.text, start: quoted.start }, end: after + closer.length };
        const close = this.findCloser(shape.close, quoted.end, this.lineEnd(quoted.end));
        if (close) {
          this.problem(`Unexpected text after the quoted label of node "${clip(id)}"`, after, close.at - after);
          return { label: { text: quoted.text, start: quoted.start }, end: close.at + close.closer.length };
        }
        this.problem(`Unclosed "${shape.open}" in node "${clip(id)}"`, open, shape.open.length);
        return { label: { text: quoted.text, start: quoted.start }, end: this.lineEnd(quoted.end) };
      }
      // Unclosed quote: fall through and read up to the closer as plain text.
    }
    const close = this.findCloser(shape.close, contentStart, lineEnd);
    if (!close) {
      this.problem(`Unclosed "${shape.open}" in node "${clip(id)}"`, open, shape.open.length);
      return { label: this.trimmedLabel(contentStart, lineEnd), end: lineEnd };
    }
    return { label: this.trimmedLabel(contentStart, close.at), end: close.at + close.closer.length };
  }

  /** `@{ shape: rect, label: "text" }` starting at the `{`. */
  private readShapeData(open: number, id: string): { label?: Label; end: number } {
    const t = this.text;
    const close = this.findClosingBrace(open + 1);
    if (close < 0) {
      this.problem(`Unclosed "@{" in node "${clip(id)}"`, open - 1, 2);
      return { end: this.lineEnd(open) };
    }
    const body = t.slice(open + 1, close);
    const key = /(?:^|[\s,{])label[ \t]*:[ \t]*/.exec(body);
    if (!key) return { end: close + 1 };
    let p = open + 1 + key.index + key[0].length;
    let label: Label | undefined;
    if (t[p] === '"') {
      const quoted = this.readQuoted(p, close);
      if (quoted) label = { text: quoted.text, start: quoted.start };
    } else {
      let e = p;
      while (e < close && t[e] !== ',' && t[e] !== '\n' && t[e] !== '\r') e++;
      label = this.trimmedLabel(p, e);
      p = e;
    }
    return { label, end: close + 1 };
  }

  /** `"text"` or a markdown string ``"`text`"`` at `quote`; markdown strings may span lines. */
  private readQuoted(quote: number, limit: number): (Label & { end: number }) | undefined {
    const t = this.text;
    if (t[quote + 1] === '`') {
      const close = this.findNext('`"', quote + 2);
      if (close >= 0) return { text: t.slice(quote + 2, close), start: quote + 2, end: close + 2 };
    }
    const close = this.findNext('"', quote + 1);
    const lineEnd = this.lineEnd(quote);
    if (close < 0 || close >= lineEnd || close >= limit) {
      this.problem('Unclosed quote', quote, 1);
      return undefined;
    }
    return { text: t.slice(quote + 1, close), start: quote + 1, end: close + 1 };
  }

  private trimmedLabel(start: number, end: number): Label {
    const t = this.text;
    let s = start;
    let e = end;
    while (s < e && (t[s] === ' ' || t[s] === '\t')) s++;
    while (e > s && (t[e - 1] === ' ' || t[e - 1] === '\t')) e--;
    return { text: t.slice(s, e), start: s };
  }

  // -- links

  private link(p: number, lineEnd: number): { style: FlowchartEdge['style']; arrow: boolean; label?: string; end: number } | undefined {
    const t = this.text;
    let q = p;
    // Mermaid 11 edge ids: `A e1@--> B`.
    const edgeId = /[A-Za-z0-9_]{1,64}@(?=[<ox]?[-=~.])/y;
    edgeId.lastIndex = q;
    if (edgeId.test(t)) q = edgeId.lastIndex;
    if (t[q] === '<') q++;
    else if ((t[q] === 'o' || t[q] === 'x') && (t.startsWith('--', q + 1) || t.startsWith('==', q + 1) || t.startsWith('-.', q + 1))) q++;
    const c = t[q];
    let result: { style: FlowchartEdge['style']; arrow: boolean; label?: string; end: number } | undefined;
    if (c === '~') {
      let e = q;
      while (t[e] === '~') e++;
      if (e - q >= 3) result = { style: 'invisible', arrow: false, end: e };
    } else if (c === '-' && t[q + 1] === '.') {
      result = this.dottedLink(q, lineEnd);
    } else if (c === '.' && (t[q + 1] === '-' || t[q + 1] === '.')) {
      result = this.dottedLink(q, lineEnd);
    } else if (c === '-' || c === '=') {
      result = this.lineLink(q, c, lineEnd);
    }
    if (!result) return undefined;
    // `-->|text|`
    const bar = this.skipSpacesFrom(result.end);
    if (t[bar] === '|') {
      // A quoted text may hold a `|`: `-->|"a | b"|`.
      const inner = this.skipSpacesFrom(bar + 1);
      const endQuote = t[inner] === '"' ? this.findNext('"', inner + 1) : -1;
      const searchFrom = endQuote >= 0 && endQuote < lineEnd ? endQuote + 1 : bar + 1;
      const close = this.findNext('|', searchFrom);
      if (close >= 0 && close < lineEnd) {
        result.label = unquote(t.slice(bar + 1, close).trim());
        result.end = close + 1;
      } else {
        this.problem('Unclosed "|" in link text', bar, 1);
        result.end = lineEnd;
      }
    }
    return result;
  }

  /** `-->`, `---`, `--o`, `--x`, `==>`, `===`, `-- text -->`, `== text ==>`. */
  private lineLink(q: number, ch: '-' | '=', lineEnd: number): { style: FlowchartEdge['style']; arrow: boolean; label?: string; end: number } | undefined {
    const t = this.text;
    const style = ch === '-' ? 'solid' : 'thick';
    let e = q;
    while (t[e] === ch) e++;
    const count = e - q;
    if (count < 2) return undefined;
    const head = t[e];
    if (head === '>' || head === 'o' || head === 'x') return { style, arrow: true, end: e + 1 };
    if (count >= 3) return { style, arrow: false, end: e };
    // Two characters then text: `-- text -->`.
    const pair = ch + ch;
    let from = e;
    for (;;) {
      const at = this.findNext(pair, from);
      if (at < 0 || at >= lineEnd) {
        this.problem(`Unclosed link text after "${pair}"`, q, 2);
        return undefined;
      }
      let f = at + 2;
      while (t[f] === ch) f++;
      const h = t[f];
      if (h === '>' || h === 'o' || h === 'x' || f - at >= 3) {
        const arrow = h === '>' || h === 'o' || h === 'x';
        return { style, arrow, label: unquote(t.slice(e, at).trim()), end: arrow ? f + 1 : f };
      }
      from = at + 1;
    }
  }

  /** `-.->`, `-.-`, `-..->`, `-. text .->`. */
  private dottedLink(q: number, lineEnd: number): { style: FlowchartEdge['style']; arrow: boolean; label?: string; end: number } | undefined {
    const t = this.text;
    const plain = /-?\.+-[>ox]?/y;
    plain.lastIndex = q;
    const m = plain.exec(t);
    if (m) {
      const arrow = m[0].length > 0 && '>ox'.includes(m[0][m[0].length - 1]);
      return { style: 'dotted', arrow, end: q + m[0].length };
    }
    if (!t.startsWith('-.', q)) return undefined;
    const textStart = q + 2;
    const at = this.findNext('.-', textStart);
    if (at < 0 || at >= lineEnd) {
      this.problem('Unclosed link text after "-."', q, 2);
      return undefined;
    }
    let f = at + 2;
    while (t[f] === '-') f++;
    const h = t[f];
    const arrow = h === '>' || h === 'o' || h === 'x';
    return { style: 'dotted', arrow, label: unquote(t.slice(textStart, at).trim()), end: arrow ? f + 1 : f };
  }

  // -- scanning helpers

  /** End of a node id starting at `p` (p itself when there is none). */
  private scanId(p: number, limit: number): number {
    const t = this.text;
    let e = p;
    while (e < limit) {
      const code = t.charCodeAt(e);
      if (code === 45 /* - */) {
        const next = t[e + 1];
        if (next === '-' || next === '.' || next === '>') break;
        e++;
        continue;
      }
      if (!isIdChar(code)) break;
      e++;
    }
    return e;
  }

  private findCloser(closers: string[], from: number, limit: number): { at: number; closer: string } | undefined {
    let best: { at: number; closer: string } | undefined;
    for (const closer of closers) {
      const at = this.findNext(closer, from);
      if (at >= 0 && at + closer.length <= limit && (!best || at < best.at)) best = { at, closer };
    }
    return best;
  }

  /** `text.indexOf(needle, from)`, remembering the answer so that no stretch of text is scanned twice for a needle. */
  private findNext(needle: string, from: number): number {
    const cached = this.found.get(needle);
    if (cached && from >= cached.from && (cached.at < 0 || from <= cached.at)) return cached.at;
    const at = this.text.indexOf(needle, from);
    this.found.set(needle, { from, at });
    return at;
  }

  /** Matching `}` of a `@{` body, skipping quoted strings; -1 when missing. */
  private findClosingBrace(from: number): number {
    const t = this.text;
    let p = from;
    for (;;) {
      const brace = this.findNext('}', p);
      const quote = this.findNext('"', p);
      if (brace < 0) return -1;
      if (quote < 0 || brace < quote) return brace;
      const endQuote = this.findNext('"', quote + 1);
      if (endQuote < 0) return -1;
      p = endQuote + 1;
      if (p > t.length) return -1;
    }
  }

  /** End of the statement at `p`: the next `;` or line end. */
  private skipToStatementEnd(p: number): number {
    const lineEnd = this.lineEnd(p);
    const semi = this.findNext(';', p);
    return semi >= 0 && semi < lineEnd ? semi : lineEnd;
  }

  /** Like `skipToStatementEnd`, but a `;` inside brackets or quotes does not count. */
  private statementEndOutsideDelimiters(p: number): number {
    const t = this.text;
    const lineEnd = this.lineEnd(p);
    const semi = this.findNext(';', p);
    if (semi < 0 || semi >= lineEnd) return lineEnd;
    let depth = 0;
    let quoted = false;
    for (let i = p; i < lineEnd; i++) {
      const c = t[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '[' || c === '(' || c === '{')) depth++;
      else if (!quoted && (c === ']' || c === ')' || c === '}')) depth = Math.max(0, depth - 1);
      else if (!quoted && depth === 0 && c === ';') return i;
    }
    return lineEnd;
  }

  private skipSpaces(): void {
    this.pos = this.skipSpacesFrom(this.pos);
  }

  private skipSpacesFrom(p: number): number {
    const t = this.text;
    let q = p;
    while (q < t.length && (t[q] === ' ' || t[q] === '\t' || t[q] === '\uFEFF')) q++;
    return q;
  }

  /** Offset of the line break ending the line that holds `p` (or the text's length). */
  private lineEnd(p: number): number {
    const line = this.lineOf(p);
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    return this.text[next - 1] === '\n' && this.text[next - 2] === '\r' ? next - 2 : next - 1;
  }

  private nextLine(p: number): number {
    const line = this.lineOf(p);
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
  }

  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A span at `offset`, its length cut at the end of that line. */
  private span(offset: number, length: number): CodeSpan {
    const line = this.lineOf(offset);
    const character = offset - this.lineStarts[line];
    const end = Math.min(offset + Math.max(0, length), this.lineEnd(offset));
    return { line, character, length: Math.max(0, end - offset) };
  }

  private problem(message: string, offset: number, length: number): void {
    if (this.problems.length >= MAX_FLOWCHART_PROBLEMS) return;
    this.problems.push({ message, span: this.span(offset, length) });
  }

  // -- end of input

  private finish(): void {
    const lastLine = this.lineStarts.length - 1;
    while (this.stack.length > 0) {
      const open = this.stack.pop()!;
      open.subgraph.span.endLine = lastLine;
      this.problem(`Subgraph "${clip(open.subgraph.id)}" has no matching "end"`, open.keywordOffset, 'subgraph'.length);
    }
    for (const { ids, classes } of this.classStatements) {
      for (const id of ids) {
        const state = this.nodes.get(id);
        if (!state) continue;
        for (const c of classes) if (!state.node.classes.includes(c)) state.node.classes.push(c);
      }
    }
    const byId = new Map(this.subgraphs.map((g) => [g.id, g]));
    for (const { node } of this.order) {
      if (node.subgraphId !== undefined) byId.get(node.subgraphId)?.nodeIds.push(node.id);
    }
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isIdChar(code: number): boolean {
  if ((code >= 48 && code <= 57) || isAsciiLetter(code)) return true;
  switch (code) {
    case 95: // _
    case 33: // !
    case 35: // #
    case 36: // $
    case 42: // *
    case 43: // +
    case 46: // .
    case 63: // ?
    case 92: // \
    case 47: // /
      return true;
  }
  if (code < 128) return false;
  // Letters and symbols outside ASCII, but not the Unicode spaces.
  return !(code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff);
}

function isClassChar(code: number): boolean {
  return (code >= 48 && code <= 57) || isAsciiLetter(code) || code === 95 || code === 45;
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    const inner = text.slice(1, -1);
    return inner.startsWith('`') && inner.endsWith('`') && inner.length >= 2 ? inner.slice(1, -1) : inner;
  }
  return text;
}

function clip(text: string): string {
  const oneLine = text.length > 60 ? text.slice(0, 60) + '…' : text;
  return oneLine.replace(/[\r\n]+/g, ' ');
}
