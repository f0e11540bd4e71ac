// Analysis of a `deployment_gates:` YAML block: syntax errors at their exact position, validation
// against schemas/deployment-gates.schema.json with messages that say what was expected, and the
// gates as data (names, durations in seconds, success criteria, stages) for other rules.
//
// Robustness: nothing here throws. The YAML is first tokenized into a CST (iterative in `yaml`),
// its nesting depth is measured without recursion, and only then is it composed (recursive in
// `yaml`), so deeply nested input cannot overflow the stack. Aliases are expanded with a budget.

import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { CST, Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import gatesSchema from '../../../schemas/deployment-gates.schema.json';
import { parseDuration, suggestDuration } from './duration';
import { LineIndex, editDistance, quote } from './text';

/** A zero-based, end-exclusive range relative to the YAML text given to `analyzeGatesYaml`. */
export interface GateSpan {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** What kind of problem a `GateIssue` reports. */
export type GateIssueKind =
  | 'syntax'
  | 'unknown-key'
  | 'type'
  | 'duration'
  | 'duplicate-name'
  | 'yaml11-boolean'
  | 'missing-key'
  | 'criterion';

/** One problem found in a gates block, with an optional quick fix. */
export interface GateIssue {
  kind: GateIssueKind;
  message: string;
  span: GateSpan;
  suggestion?: string;
  replacement?: { span: GateSpan; newText: string };
  related?: { span: GateSpan; message: string };
}

/** One entry of a gate's `success_criteria`: metric name and its threshold as written. */
export interface SuccessCriterion {
  metric: string;
  raw: string;
  keySpan: GateSpan;
  valueSpan: GateSpan;
}

/** A gate as read from the YAML, whether or not it is valid. */
export interface GateInfo {
  name?: string;
  nameSpan?: GateSpan;
  span: GateSpan;
  required?: boolean;
  timeoutSeconds?: number;
  durationSeconds?: number;
  successCriteria: SuccessCriterion[];
  stages: { regions: string[]; waitSeconds?: number; span: GateSpan }[];
}

/** Result of `analyzeGatesYaml`. */
export interface GatesAnalysis {
  isGatesBlock: boolean;
  gates: GateInfo[];
  issues: GateIssue[];
}

/** Deepest YAML nesting analyzed; a gates block needs about 6 levels. */
export const MAX_YAML_DEPTH = 64;
/** Most alias expansions allowed when converting the YAML to data (yaml's `maxAliasCount`, its default). */
export const MAX_ALIAS_COUNT = 100;
/** Most issues reported for one block. */
export const MAX_ISSUES = 200;
// `yaml` costs a few microseconds per token, so a 1 MB line of `[a, a, a, ...` would take seconds to
// parse; a real gates block has a few hundred tokens.
/** Most structural YAML tokens (line breaks, flow indicators, `key: `, `- `, anchors, aliases) analyzed. */
export const MAX_YAML_TOKENS = 10_000;

const GATES_KEY = 'deployment_gates';
const GATE_KEYS = Object.keys(gatesSchema.$defs.gate.properties);
const STAGE_KEYS = Object.keys(gatesSchema.$defs.stage.properties);
const DURATION_KEYS = new Set(['timeout', 'duration', 'wait']);
const EXPECTED_DURATION = 'expected a number and a unit such as 60s, 30m, 1h';
const CRITERION_EXAMPLE = '">90%"';
// Plain scalars that YAML 1.1 reads as booleans but YAML 1.2 (and this analysis) reads as strings.
const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** True when the text has a `deployment_gates:` key at column 0 (a cheap test that does not parse YAML). */
export function looksLikeGatesYaml(yamlText: string): boolean {
  if (typeof yamlText !== 'string') return false;
  return /^\uFEFF?(?:deployment_gates|"deployment_gates"|'deployment_gates')[ \t]*:(?:[ \t\r\n]|$)/m.test(yamlText);
}

/** Parses and validates a YAML block holding `deployment_gates:`; never throws. */
export function analyzeGatesYaml(yamlText: string): GatesAnalysis {
  const text = typeof yamlText === 'string' ? yamlText : '';
  try {
    return analyze(text);
  } catch (error) {
    // Defensive: a bug or an unexpected library failure must not break the linter.
    const isGatesBlock = looksLikeGatesYaml(text);
    const message = error instanceof Error ? error.message : String(error);
    return {
      isGatesBlock,
      gates: [],
      issues: isGatesBlock
        ? [{ kind: 'syntax', message: `Could not analyze this block: ${firstLine(message)}`, span: zeroSpan() }]
        : [],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Pipeline

interface Context {
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  /** Anchor each alias refers to, found in one pass (yaml's `Alias.resolve` walks the whole document each time). */
  aliasTargets: Map<unknown, YamlNode | undefined>;
  /** Items left to visit while reading gates: aliases can make a small text list many items. */
  work: number;
}

function analyze(text: string): GatesAnalysis {
  const lines = new LineIndex(text);
  const spanOf = (start: number, end: number) => offsetsToSpan(lines, start, end);

  const tokenCount = countStructuralTokens(text, MAX_YAML_TOKENS);
  if (tokenCount > MAX_YAML_TOKENS) {
    const isGatesBlock = looksLikeGatesYaml(text);
    const issue: GateIssue = {
      kind: 'syntax',
      message: `This block is too large to analyze (more than ${MAX_YAML_TOKENS} YAML tokens)`,
      span: spanOf(0, lines.lineEnd(0)),
    };
    return { isGatesBlock, gates: [], issues: isGatesBlock ? [issue] : [] };
  }

  const tokens = Array.from(new Parser().parse(text));
  const tooDeep = findExcessiveDepth(tokens, MAX_YAML_DEPTH);
  if (tooDeep !== undefined) {
    const isGatesBlock = looksLikeGatesYaml(text);
    const issue: GateIssue = {
      kind: 'syntax',
      message: `YAML nested more than ${MAX_YAML_DEPTH} levels deep; the block was not analyzed`,
      span: spanOf(tooDeep, Math.min(tooDeep + 1, lines.lineEnd(tooDeep))),
    };
    return { isGatesBlock, gates: [], issues: isGatesBlock ? [issue] : [] };
  }

  const composer = new Composer({ merge: true, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const doc = docs[0];
  const syntax: GateIssue[] = [];
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    syntax.push({ kind: 'syntax', message: yamlMessage(error.message), span: spanOf(start, end) });
  }
  if (docs.length > 1) {
    const start = docs[1].range[0];
    syntax.push({
      kind: 'syntax',
      message: 'Only one YAML document is expected here; this block holds several (separated by ---)',
      span: spanOf(start, lines.lineEnd(start)),
    });
  }

  const ctx: Context = { text, lines, doc, aliasTargets: aliasTargetsOf(doc.contents), work: 4 * text.length + 10_000 };
  const root = resolve(ctx, doc.contents);
  const gatesPair = isMap(root) ? findPair(root, GATES_KEY) : undefined;
  const isGatesBlock = gatesPair !== undefined || (syntax.length > 0 && looksLikeGatesYaml(text));
  if (!isGatesBlock) return { isGatesBlock: false, gates: [], issues: [] };

  const gates = gatesPair ? readGates(ctx, gatesPair) : [];
  if (syntax.length > 0) return { isGatesBlock, gates, issues: finish(syntax) };

  const issues: GateIssue[] = [];
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const at = firstAliasOffset(doc.contents) ?? 0;
    const message = error instanceof Error ? firstLine(error.message) : 'Could not expand the aliases';
    issues.push({
      kind: 'syntax',
      message: `${message} (more than ${MAX_ALIAS_COUNT} alias expansions); the block was not validated`,
      span: spanOf(at, lines.lineEnd(at)),
    });
    return { isGatesBlock, gates, issues: finish(issues) };
  }

  const skipTypeAt = new Set<string>();
  issues.push(...yaml11Issues(ctx, gatesPair, skipTypeAt));
  issues.push(...schemaIssues(ctx, data, skipTypeAt));
  issues.push(...duplicateNameIssues(gates));
  return { isGatesBlock, gates, issues: finish(issues) };
}

function finish(issues: GateIssue[]): GateIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const s = issue.span;
    const key = `${issue.kind}|${s.line}:${s.character}-${s.endLine}:${s.endCharacter}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => a.span.line - b.span.line || a.span.character - b.span.character);
  return unique.slice(0, MAX_ISSUES);
}

// ---------------------------------------------------------------------------------------------
// Size check: a cheap, linear count of the characters that start YAML tokens (stops past `max`)

function countStructuralTokens(text: string, max: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= max; i++) {
    switch (text.charCodeAt(i)) {
      case 10: // \n
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case 38: // &
      case 42: // *
      case 33: // !
        count++;
        break;
      case 58: // :
      case 45: // -
      case 63: {
        // ?
        const next = text.charCodeAt(i + 1);
        if (Number.isNaN(next) || next === 32 || next === 10 || next === 13 || next === 9) count++;
        break;
      }
    }
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// CST depth check (iterative: yaml's composer recurses once per nesting level)

type CstItem = { start?: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };

function findExcessiveDepth(tokens: CST.Token[], max: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (depth > max) return token.offset;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items as CstItem[]) {
        if (item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading the gates from the YAML nodes (works on partial documents too)

function readGates(ctx: Context, gatesPair: Pair): GateInfo[] {
  const list = resolve(ctx, gatesPair.value);
  if (!isSeq(list)) return [];
  // Aliases can make one node appear many times: each node is read once and its result reused
  // (shared, not copied), so the work stays proportional to the text.
  const memo = new Map<unknown, unknown>();
  const once = <T>(node: YamlNode, read: () => T): T => {
    if (memo.has(node)) return memo.get(node) as T;
    const value = read();
    memo.set(node, value);
    return value;
  };
  const gates: GateInfo[] = [];
  for (const item of list.items) {
    const gate = resolve(ctx, item);
    if (isMap(gate)) gates.push(once(gate, () => readGate(ctx, gate, once)));
  }
  return gates;
}

type Once = <T>(node: YamlNode, read: () => T) => T;

function readGate(ctx: Context, gate: YAMLMap, once: Once): GateInfo {
  const info: GateInfo = { span: nodeSpan(ctx, gate), successCriteria: [], stages: [] };
  const name = resolve(ctx, findPair(gate, 'name')?.value);
  if (isScalar(name) && typeof name.value === 'string') {
    info.name = name.value;
    info.nameSpan = nodeSpan(ctx, name);
  }
  const required = resolve(ctx, findPair(gate, 'required')?.value);
  if (isScalar(required) && typeof required.value === 'boolean') info.required = required.value;
  const timeout = durationOf(resolve(ctx, findPair(gate, 'timeout')?.value));
  if (timeout !== undefined) info.timeoutSeconds = timeout;
  const duration = durationOf(resolve(ctx, findPair(gate, 'duration')?.value));
  if (duration !== undefined) info.durationSeconds = duration;

  const criteria = resolve(ctx, findPair(gate, 'success_criteria')?.value);
  if (isMap(criteria)) info.successCriteria = once(criteria, () => readCriteria(ctx, criteria));

  const stages = resolve(ctx, findPair(gate, 'stages')?.value);
  if (isSeq(stages)) {
    info.stages = once(stages, () => {
      const read: GateInfo['stages'] = [];
      for (const stageItem of stages.items) {
        if (--ctx.work < 0) break;
        const stage = resolve(ctx, stageItem);
        if (isMap(stage)) read.push(once(stage, () => readStage(ctx, stage, once)));
      }
      return read;
    });
  }
  return info;
}

function readCriteria(ctx: Context, criteria: YAMLMap): SuccessCriterion[] {
  const read: SuccessCriterion[] = [];
  for (const pair of criteria.items) {
    if (--ctx.work < 0) break;
    const key = resolve(ctx, pair.key);
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') continue;
    const keySpan = nodeSpan(ctx, key);
    const value = resolve(ctx, pair.value);
    const raw = isScalar(value) && value.value !== null ? String(value.value) : isScalar(value) ? '' : nodeText(ctx, value);
    let valueSpan: GateSpan;
    if (value && value.range && !isEmptyNode(value)) valueSpan = nodeSpan(ctx, value);
    else valueSpan = pointSpan(ctx, value?.range ? value.range[0] : keyEnd(key));
    read.push({ metric: String(key.value), raw, keySpan, valueSpan });
  }
  return read;
}

function readStage(ctx: Context, stage: YAMLMap, once: Once): GateInfo['stages'][number] {
  const regionList = resolve(ctx, findPair(stage, 'regions')?.value);
  const regions = isSeq(regionList)
    ? once(regionList, () => {
        const read: string[] = [];
        for (const r of regionList.items) {
          if (--ctx.work < 0) break;
          const region = resolve(ctx, r);
          if (isScalar(region) && typeof region.value === 'string') read.push(region.value);
        }
        return read;
      })
    : [];
  const entry: GateInfo['stages'][number] = { regions, span: nodeSpan(ctx, stage) };
  const wait = durationOf(resolve(ctx, findPair(stage, 'wait')?.value));
  if (wait !== undefined) entry.waitSeconds = wait;
  return entry;
}

function durationOf(node: YamlNode | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'string' ? parseDuration(node.value) : undefined;
}

// ---------------------------------------------------------------------------------------------
// YAML 1.1 booleans in string positions (not a schema error: they are strings in YAML 1.2)

function yaml11Issues(ctx: Context, gatesPair: Pair | undefined, skipTypeAt: Set<string>): GateIssue[] {
  const issues: GateIssue[] = [];
  const list = resolve(ctx, gatesPair?.value);
  if (!isSeq(list)) return issues;
  const visited = new Set<unknown>();
  const once = (node: YamlNode | undefined): YamlNode | undefined => {
    if (node === undefined || visited.has(node)) return undefined;
    visited.add(node);
    return node;
  };
  const check = (node: unknown, path: (string | number)[]) => {
    const scalar = once(resolve(ctx, node));
    if (!isScalar(scalar) || scalar.type !== Scalar.PLAIN || typeof scalar.value !== 'string') return;
    if (!YAML11_TRUE.has(scalar.value) && !YAML11_FALSE.has(scalar.value)) return;
    const span = nodeSpan(ctx, scalar);
    skipTypeAt.add(pointer(path));
    issues.push({
      kind: 'yaml11-boolean',
      message: `${quote(scalar.value)} is read as a boolean by YAML 1.1 tools; quote it to keep it a string`,
      span,
      suggestion: `"${scalar.value}"`,
      replacement: { span, newText: `"${scalar.value}"` },
    });
  };
  list.items.forEach((item, g) => {
    const gate = once(resolve(ctx, item));
    if (!isMap(gate) || issues.length >= MAX_ISSUES) return;
    for (const key of ['name', 'description', 'owner']) check(findPair(gate, key)?.value, [GATES_KEY, g, key]);
    const approvers = once(resolve(ctx, findPair(gate, 'approvers')?.value));
    if (isSeq(approvers)) approvers.items.forEach((a, i) => check(a, [GATES_KEY, g, 'approvers', i]));
    const stages = once(resolve(ctx, findPair(gate, 'stages')?.value));
    if (!isSeq(stages)) return;
    stages.items.forEach((stageItem, s) => {
      const stage = once(resolve(ctx, stageItem));
      if (!isMap(stage)) return;
      const regions = once(resolve(ctx, findPair(stage, 'regions')?.value));
      if (isSeq(regions)) regions.items.forEach((r, i) => check(r, [GATES_KEY, g, 'stages', s, 'regions', i]));
    });
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Schema validation and the mapping of ajv errors to issues

let validator: ValidateFunction | undefined;

/** Compiled lazily on first use and cached for the life of the process. */
function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    validator = ajv.compile(gatesSchema);
  }
  return validator;
}

type Segment = string | number;

interface Located {
  node?: YamlNode;
  keyNode?: YamlNode;
}

function schemaIssues(ctx: Context, data: unknown, skipTypeAt: Set<string>): GateIssue[] {
  const validate = getValidator();
  if (validate(data)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  const issues: GateIssue[] = [];
  const valueReported = new Set<string>();
  // A misspelt key (`nmae`) also makes the real one missing: report the typo only.
  const suggestedAt = new Set<string>();
  for (const error of errors) {
    if (issues.length >= MAX_ISSUES) break;
    if (error.keyword !== 'additionalProperties') continue;
    const path = decodePointer(error.instancePath);
    const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    const issue = unknownKeyIssue(ctx, path, key);
    if (issue.suggestion !== undefined) suggestedAt.add(`${pointer(path)}|${issue.suggestion}`);
    issues.push(issue);
  }
  for (const error of errors) {
    if (issues.length >= MAX_ISSUES) break;
    const path = decodePointer(error.instancePath);
    const at = pointer(path);
    if (error.keyword === 'additionalProperties') continue;
    if (error.keyword === 'required') {
      const key = String((error.params as { missingProperty?: unknown }).missingProperty);
      if (!suggestedAt.has(`${at}|${key}`)) issues.push(missingKeyIssue(ctx, path, key));
      continue;
    }
    if (skipTypeAt.has(at) || valueReported.has(at)) continue;
    const issue = valueIssue(ctx, path, error, valueAt(data, path));
    if (issue) {
      valueReported.add(at);
      issues.push(issue);
    }
  }
  return issues;
}

function unknownKeyIssue(ctx: Context, path: Segment[], key: string): GateIssue {
  const located = locate(ctx, [...path, key]);
  const level = path.length >= 4 ? 'stage' : path.length >= 2 ? 'gate' : 'top-level';
  const allowed = path.length >= 4 ? STAGE_KEYS : GATE_KEYS;
  const span = located.keyNode ? nodeSpan(ctx, located.keyNode) : locateSpan(ctx, path);
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = Math.min(editDistance(key, candidate, 2), editDistance(key.toLowerCase(), candidate, 2));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined && level === 'gate' && STAGE_KEYS.includes(key)) {
    return { kind: 'unknown-key', message: `Unknown gate key ${quote(key)}; it belongs in a stage, under "stages"`, span };
  }
  if (best !== undefined) {
    return {
      kind: 'unknown-key',
      message: `Unknown ${level} key ${quote(key)}; did you mean "${best}"?`,
      span,
      suggestion: best,
      replacement: { span, newText: best },
    };
  }
  return {
    kind: 'unknown-key',
    message: `Unknown ${level} key ${quote(key)}; expected one of ${allowed.join(', ')}`,
    span,
  };
}

function missingKeyIssue(ctx: Context, path: Segment[], key: string): GateIssue {
  const what = path.length >= 4 ? 'Stage' : path.length >= 2 ? 'Gate' : 'The block';
  const located = locate(ctx, path);
  let span: GateSpan;
  if (located.node && isMap(located.node) && located.node.range) {
    // The first line of the mapping: pointing at all of it would underline the whole gate.
    const start = located.node.range[0];
    const end = Math.min(located.node.range[1], ctx.lines.lineEnd(start));
    span = offsetsToSpan(ctx.lines, start, trimEnd(ctx.text, start, end));
  } else {
    span = locateSpan(ctx, path);
  }
  return { kind: 'missing-key', message: `${what} is missing the required key "${key}"`, span };
}

function valueIssue(ctx: Context, path: Segment[], error: ErrorObject, value: unknown): GateIssue | undefined {
  const span = locateSpan(ctx, path);
  const last = path[path.length - 1];
  const parentKey = path[path.length - 2];
  const inGate = path.length === 3 && path[0] === GATES_KEY;
  const inStage = path.length === 5 && path[2] === 'stages';
  const params = error.params as Record<string, unknown>;

  // Durations: timeout, duration and wait of a gate, wait of a stage.
  if ((inGate || inStage) && typeof last === 'string' && DURATION_KEYS.has(last)) {
    if (typeof value === 'string') {
      const fixed = suggestDuration(value);
      const issue: GateIssue = {
        kind: 'duration',
        message: `Invalid duration ${quote(value)}; ${EXPECTED_DURATION}`,
        span,
      };
      if (fixed) {
        issue.suggestion = fixed;
        issue.replacement = { span, newText: fixed };
      }
      return issue;
    }
    if (value === null || value === undefined) {
      return { kind: 'duration', message: `"${last}" needs a duration; ${EXPECTED_DURATION}`, span };
    }
    if (typeof value === 'number') {
      // The source text, not the number: 1e400 or a thousand digits must not print as Infinity.
      const source = nodeText(ctx, locate(ctx, path).node) || String(value);
      const shown = source.length > 40 ? source.slice(0, 40) + '…' : source;
      return { kind: 'duration', message: `Invalid duration ${shown}; ${EXPECTED_DURATION} (the unit is required)`, span };
    }
    return { kind: 'duration', message: `"${last}" must be a duration, found ${describe(value)}; ${EXPECTED_DURATION}`, span };
  }

  // Success criteria: metric -> "<comparator><number>".
  if (path.length === 4 && path[2] === 'success_criteria') {
    return {
      kind: 'criterion',
      message: `Success criterion ${quote(String(last))} needs a comparator and a threshold such as ${CRITERION_EXAMPLE}`,
      span,
    };
  }

  if (error.keyword === 'type') {
    const expected = String(params.type);
    if (expected === 'boolean') {
      const node = locate(ctx, path).node;
      if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string') {
        const word = node.value;
        if (YAML11_TRUE.has(word) || YAML11_FALSE.has(word)) {
          const fixed = YAML11_TRUE.has(word) ? 'true' : 'false';
          return {
            kind: 'yaml11-boolean',
            message: `${quote(word)} is a string in YAML 1.2, not a boolean; write ${fixed}`,
            span,
            suggestion: fixed,
            replacement: { span, newText: fixed },
          };
        }
      }
    }
    if (path.length === 1) {
      return { kind: 'type', message: `"${GATES_KEY}" must be a list of gates, found ${describe(value)}`, span };
    }
    if (path.length === 2) {
      return { kind: 'type', message: `Each gate must be a mapping with at least a "name" key, found ${describe(value)}`, span };
    }
    if (path.length === 4 && parentKey === 'stages') {
      return { kind: 'type', message: `Each stage must be a mapping with at least a "regions" key, found ${describe(value)}`, span };
    }
    if (typeof last === 'number') {
      const noun = parentKey === 'regions' ? 'region' : parentKey === 'approvers' ? 'approver' : 'item';
      return { kind: 'type', message: `Each ${noun} must be ${article(expected)}, found ${describe(value)}`, span };
    }
    const issue: GateIssue = {
      kind: 'type',
      message: `"${last}" must be ${article(expected, String(last))}, found ${describe(value)}`,
      span,
    };
    const node = locate(ctx, path).node;
    if (expected === 'array' && typeof value === 'string' && isScalar(node) && node.type === Scalar.PLAIN) {
      const source = nodeText(ctx, node);
      if (source.length > 0 && source.length <= 200 && !/[\r\n]/.test(source)) {
        issue.suggestion = `[${source}]`;
        issue.replacement = { span, newText: `[${source}]` };
      }
    }
    if (expected === 'number' && typeof value === 'string') {
      const percent = /^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$/.exec(value.length <= 40 ? value : '');
      if (percent) {
        issue.suggestion = percent[1];
        issue.replacement = { span, newText: percent[1] };
      }
    }
    return issue;
  }

  if (error.keyword === 'pattern' && last === 'name') {
    return {
      kind: 'type',
      message: `Gate name ${quote(String(value))} should be snake_case or kebab-case (letters, digits, "_", "-", ".")`,
      span,
    };
  }
  if (error.keyword === 'maxLength' && last === 'name') {
    return { kind: 'type', message: `Gate name is longer than ${String(params.limit)} characters`, span };
  }
  if (error.keyword === 'minItems') {
    const noun = last === 'stages' ? 'stage' : last === 'regions' ? 'region' : 'item';
    return { kind: 'type', message: `"${String(last)}" needs at least one ${noun}`, span };
  }
  if (error.keyword === 'minimum' || error.keyword === 'maximum') {
    return {
      kind: 'type',
      message: `"${String(last)}" must be between 0 and 100, found ${describe(value)}`,
      span,
    };
  }
  return { kind: 'type', message: `"${String(last)}" ${error.message ?? 'is invalid'}`, span };
}

// ---------------------------------------------------------------------------------------------
// Duplicate names

function duplicateNameIssues(gates: GateInfo[]): GateIssue[] {
  const first = new Map<string, GateInfo>();
  const issues: GateIssue[] = [];
  for (const gate of gates) {
    if (gate.name === undefined || gate.nameSpan === undefined) continue;
    const earlier = first.get(gate.name);
    if (earlier === undefined) {
      first.set(gate.name, gate);
      continue;
    }
    // The same gate listed twice through an alias has one name in the text: nothing to rename.
    if (earlier === gate || earlier.nameSpan === undefined) continue;
    issues.push({
      kind: 'duplicate-name',
      message: `Duplicate gate name ${quote(gate.name)}`,
      span: gate.nameSpan,
      related: { span: earlier.nameSpan, message: `First gate named ${quote(gate.name)}` },
    });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// YAML node helpers

/** Follows an alias to its anchor; undefined for anything that is not a scalar, mapping or sequence. */
function resolve(ctx: Context, node: unknown): YamlNode | undefined {
  const current = isAlias(node) ? ctx.aliasTargets.get(node) : node;
  return isScalar(current) || isMap(current) || isSeq(current) ? current : undefined;
}

/**
 * For every alias, the node it refers to: the last node with that anchor before it, in document
 * order (as `Alias.resolve` does). One iterative pass.
 */
function aliasTargetsOf(root: unknown): Map<unknown, YamlNode | undefined> {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<unknown, YamlNode | undefined>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      continue;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) anchors.set(node.anchor, node);
      if (isScalar(node)) continue;
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item: unknown = node.items[i];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  return targets;
}

function findPair(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair;
  }
  return undefined;
}

/** Finds the node (and, for a mapping entry, its key) at a JSON path. */
function locate(ctx: Context, path: Segment[]): Located {
  let node: YamlNode | undefined = resolve(ctx, ctx.doc.contents);
  let keyNode: YamlNode | undefined;
  for (const segment of path) {
    if (node === undefined) return {};
    if (isSeq(node) && typeof segment === 'number') {
      node = resolve(ctx, node.items[segment]);
      keyNode = undefined;
    } else if (isMap(node)) {
      let found: Pair | undefined;
      for (const item of node.items) {
        const key = resolve(ctx, item.key);
        if (isScalar(key) && String(key.value) === String(segment)) found = item as Pair;
      }
      if (!found) return {};
      keyNode = isScalar(found.key) ? (found.key as YamlNode) : undefined;
      node = resolve(ctx, found.value);
      if (node === undefined && found.value === null) return { keyNode };
    } else {
      return {};
    }
  }
  return { node, keyNode };
}

/** The span of the value at a path, or of its key when the value is empty, or of the closest parent. */
function locateSpan(ctx: Context, path: Segment[]): GateSpan {
  for (let n = path.length; n >= 0; n--) {
    const { node, keyNode } = locate(ctx, path.slice(0, n));
    if (node && !isEmptyNode(node)) return nodeSpan(ctx, node);
    if (keyNode) return nodeSpan(ctx, keyNode);
  }
  return zeroSpan();
}

function isEmptyNode(node: YamlNode): boolean {
  return !node.range || node.range[0] === node.range[1];
}

function nodeSpan(ctx: Context, node: YamlNode): GateSpan {
  const range = node.range;
  if (!range) return zeroSpan();
  return offsetsToSpan(ctx.lines, range[0], trimEnd(ctx.text, range[0], range[1]));
}

function nodeText(ctx: Context, node: YamlNode | undefined): string {
  if (!node || !node.range) return '';
  return ctx.text.slice(node.range[0], trimEnd(ctx.text, node.range[0], node.range[1]));
}

function keyEnd(key: YamlNode): number {
  return key.range ? key.range[1] : 0;
}

function pointSpan(ctx: Context, offset: number): GateSpan {
  return offsetsToSpan(ctx.lines, offset, offset);
}

function firstAliasOffset(root: unknown): number | undefined {
  const stack: unknown[] = [root];
  let steps = 0;
  while (stack.length > 0 && steps++ < 1_000_000) {
    const node = stack.pop();
    if (isAlias(node)) return node.range?.[0];
    if (isMap(node) || isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function offsetsToSpan(lines: LineIndex, start: number, end: number): GateSpan {
  const a = lines.position(start);
  const b = lines.position(Math.max(start, end));
  return { line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

function zeroSpan(): GateSpan {
  return { line: 0, character: 0, endLine: 0, endCharacter: 0 };
}

function firstLine(message: string): string {
  const line = message.split(/\r?\n/, 1)[0] ?? '';
  return line.length > 300 ? line.slice(0, 300) + '…' : line;
}

/** yaml's message without a position suffix or code frame. */
function yamlMessage(message: string): string {
  return firstLine(message).replace(/ at line \d+, column \d+:?$/, '');
}

function decodePointer(pointerText: string): Segment[] {
  if (pointerText === '') return [];
  return pointerText
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(?:0|[1-9][0-9]{0,8})$/.test(s) ? Number(s) : s));
}

function pointer(path: Segment[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function valueAt(data: unknown, path: Segment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function article(type: string, key?: string): string {
  switch (type) {
    case 'boolean':
      return 'a boolean';
    case 'string':
      return 'a string';
    case 'number':
    case 'integer':
      return key === 'percentage' ? 'a number between 0 and 100' : 'a number';
    case 'array':
      return 'a list';
    case 'object':
      return key === 'success_criteria' ? 'a mapping of metric names to thresholds' : 'a mapping';
    default:
      return type;
  }
}
