import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeGatesYaml,
  looksLikeGatesYaml,
  MAX_ISSUES,
  MAX_YAML_DEPTH,
  MAX_YAML_TOKENS,
  type GateIssue,
  type GateSpan,
  type GatesAnalysis,
} from '../../../src/core/gates';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'gates');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

function referenceYaml(): string {
  const markdown = readFileSync(join(ROOT, 'examples', 'incident-anatomy-evcache.md'), 'utf8');
  const match = /```yaml\r?\n([\s\S]*?)```/.exec(markdown);
  assert.ok(match, 'the reference document has a yaml block');
  return match[1];
}

/** "line:character-endLine:endCharacter" */
function at(span: GateSpan): string {
  return `${span.line}:${span.character}-${span.endLine}:${span.endCharacter}`;
}

/** The text a single-line span covers. */
function textAt(text: string, span: GateSpan): string {
  assert.equal(span.line, span.endLine, 'single-line span expected');
  return text.split(/\r\n|\r|\n/)[span.line].slice(span.character, span.endCharacter);
}

/** Issues as [kind, span, message, replacement?] for compact exact assertions. */
function summary(analysis: GatesAnalysis): (string | undefined)[][] {
  return analysis.issues.map((i) => {
    const row: (string | undefined)[] = [i.kind, at(i.span), i.message];
    if (i.replacement) row.push(`${at(i.replacement.span)} => ${i.replacement.newText}`);
    return row;
  });
}

function only(analysis: GatesAnalysis): GateIssue {
  assert.equal(analysis.issues.length, 1, JSON.stringify(analysis.issues, null, 1));
  return analysis.issues[0];
}

describe('analyzeGatesYaml', () => {
  describe('the reference document (incident-anatomy-evcache.md)', () => {
    const yaml = referenceYaml();
    const analysis = analyzeGatesYaml(yaml);

    it('is a gates block with zero issues', () => {
      assert.equal(analysis.isGatesBlock, true);
      assert.deepEqual(analysis.issues, []);
    });

    it('reads the 3 gates', () => {
      assert.deepEqual(
        analysis.gates.map((g) => g.name),
        ['protocol_compatibility_check', 'canary_deployment', 'regional_progressive_rollout'],
      );
      const [check, canary, rollout] = analysis.gates;
      assert.equal(check.required, true);
      assert.equal(check.timeoutSeconds, 60);
      assert.equal(check.durationSeconds, undefined);
      assert.equal(canary.durationSeconds, 1800);
      assert.equal(canary.timeoutSeconds, undefined);
      assert.equal(canary.successCriteria.length, 3);
      assert.equal(rollout.stages.length, 3);
    });

    it('reads the success criteria with the spans of keys and values', () => {
      const canary = analysis.gates[1];
      assert.deepEqual(
        canary.successCriteria.map((c) => [c.metric, c.raw, at(c.keySpan), at(c.valueSpan)]),
        [
          ['cache_hit_rate', '>90%', '9:6-9:20', '9:22-9:28'],
          ['gossip_packets', '<200K/sec', '10:6-10:20', '10:22-10:33'],
          ['coordinator_elections', '<10/min', '11:6-11:27', '11:29-11:38'],
        ],
      );
      assert.equal(textAt(yaml, canary.successCriteria[0].valueSpan), '">90%"');
    });

    it('reads the stages with regions and waits in seconds', () => {
      assert.deepEqual(
        analysis.gates[2].stages.map((s) => ({ regions: s.regions, waitSeconds: s.waitSeconds, span: at(s.span) })),
        [
          { regions: ['us-east-1'], waitSeconds: 3600, span: '16:8-17:16' },
          { regions: ['us-west-2', 'eu-west-1'], waitSeconds: 7200, span: '18:8-19:16' },
          { regions: ['ap-southeast-1', 'sa-east-1', 'eu-central-1'], waitSeconds: 14400, span: '20:8-21:16' },
        ],
      );
    });

    it('gives the spans of gates and names', () => {
      assert.deepEqual(
        analysis.gates.map((g) => [at(g.span), g.nameSpan && at(g.nameSpan)]),
        [
          ['1:4-3:16', '1:10-1:38'],
          ['5:4-11:38', '5:10-5:27'],
          ['13:4-21:16', '13:10-13:38'],
        ],
      );
    });

    it('matches the fixture copy of the block', () => {
      assert.deepEqual(analyzeGatesYaml(fixture('valid-reference.yaml')), analysis);
    });
  });

  describe('valid fixtures', () => {
    for (const name of ['valid-reference.yaml', 'valid-full.yaml', 'valid-standalone.yaml', 'valid-anchors.yaml']) {
      it(`${name} has no issues`, () => {
        const analysis = analyzeGatesYaml(fixture(name));
        assert.equal(analysis.isGatesBlock, true);
        assert.deepEqual(analysis.issues, []);
        assert.ok(analysis.gates.length > 0);
      });
    }

    it('valid-full.yaml: durations with combos, decimals and milliseconds; criteria; stages', () => {
      const analysis = analyzeGatesYaml(fixture('valid-full.yaml'));
      const [migration, canary, progressive] = analysis.gates;
      assert.equal(migration.name, 'schema-migration-dry-run');
      assert.equal(migration.required, false);
      assert.equal(migration.timeoutSeconds, 5400);
      assert.equal(canary.durationSeconds, 5400);
      assert.deepEqual(
        canary.successCriteria.map((c) => c.raw),
        ['<=0.1%', '== 0', '< 200ms', '>= 99.95%', '>1,000 req/s'],
      );
      assert.deepEqual(
        progressive.stages.map((s) => [s.regions, s.waitSeconds]),
        [
          [['us-east-1'], 900],
          [['eu-west-1', 'eu-central-1'], 172800],
          [['no-region-yet'], undefined],
        ],
      );
    });

    it('valid-anchors.yaml: reads through merge keys and aliases', () => {
      const analysis = analyzeGatesYaml(fixture('valid-anchors.yaml'));
      assert.equal(analysis.gates[0].name, 'canary');
      assert.equal(analysis.gates[0].durationSeconds, 1800);
      assert.deepEqual(analysis.gates[1].stages[0].regions, ['eu-west-1', 'eu-central-1']);
    });

    it('accepts an empty list of gates', () => {
      assert.deepEqual(analyzeGatesYaml('deployment_gates: []\n'), { isGatesBlock: true, gates: [], issues: [] });
    });

    it('accepts CRLF line endings with the same spans', () => {
      const lf = analyzeGatesYaml(fixture('valid-reference.yaml'));
      const crlf = analyzeGatesYaml(fixture('valid-reference.yaml').replace(/\n/g, '\r\n'));
      assert.deepEqual(crlf, lf);
    });
  });

  describe('not a gates block', () => {
    it('YAML without deployment_gates: isGatesBlock false and no issues', () => {
      assert.deepEqual(analyzeGatesYaml(fixture('not-gates.yaml')), { isGatesBlock: false, gates: [], issues: [] });
      assert.deepEqual(analyzeGatesYaml('just a string'), { isGatesBlock: false, gates: [], issues: [] });
      assert.deepEqual(analyzeGatesYaml('- a\n- b'), { isGatesBlock: false, gates: [], issues: [] });
      assert.deepEqual(analyzeGatesYaml(''), { isGatesBlock: false, gates: [], issues: [] });
    });

    it('broken YAML that does not look like gates: not reported', () => {
      assert.deepEqual(analyzeGatesYaml('foo: [unclosed\n'), { isGatesBlock: false, gates: [], issues: [] });
    });

    it('a nested deployment_gates key does not count', () => {
      assert.equal(analyzeGatesYaml('pipeline:\n  deployment_gates: []\n').isGatesBlock, false);
    });
  });

  describe('syntax errors', () => {
    it('reports a tab used as indentation at its exact position', () => {
      const analysis = analyzeGatesYaml(fixture('syntax-tab.yaml'));
      assert.equal(analysis.isGatesBlock, true);
      assert.deepEqual(summary(analysis), [['syntax', '2:0-2:1', 'Tabs are not allowed as indentation']]);
      assert.deepEqual(analysis.gates.map((g) => g.name), ['canary']);
    });

    it('reports a duplicate key at the second key and still reads the gates', () => {
      const analysis = analyzeGatesYaml(fixture('syntax-duplicate-key.yaml'));
      assert.deepEqual(summary(analysis), [['syntax', '3:4-3:5', 'Map keys must be unique']]);
      assert.deepEqual(analysis.gates.map((g) => g.name), ['canary', 'smoke']);
      assert.equal(analysis.gates[0].timeoutSeconds, 60);
    });

    it('reports bad indentation', () => {
      const analysis = analyzeGatesYaml(fixture('syntax-bad-indent.yaml'));
      assert.deepEqual(summary(analysis), [
        ['syntax', '1:10-1:11', 'Nested mappings are not allowed in compact mappings'],
        ['syntax', '1:10-2:13', 'Implicit keys need to be on a single line'],
      ]);
      assert.deepEqual(analysis.gates.map((g) => g.name), [undefined, 'smoke']);
      assert.equal(analysis.gates[1].timeoutSeconds, 300);
    });

    it('reports an unclosed quote where yaml finds it, without a code frame', () => {
      const analysis = analyzeGatesYaml(fixture('syntax-unclosed-quote.yaml'));
      assert.deepEqual(summary(analysis), [['syntax', '3:0-3:0', 'Missing closing "quote']]);
    });

    it('reports an unclosed flow sequence', () => {
      const text = 'deployment_gates:\n  - name: x\n    stages:\n      - regions: [us-east-1\n';
      const issue = only(analyzeGatesYaml(text));
      assert.equal(issue.kind, 'syntax');
      assert.equal(issue.message, 'Flow sequence in block collection must be sufficiently indented and end with a ]');
      // yaml notices the missing ] at the end of the text.
      assert.equal(at(issue.span), '4:0-4:0');
      assert.ok(!issue.message.includes('\n'));
      assert.ok(!/at line \d+/.test(issue.message));
    });

    it('reports syntax errors only: no schema noise on a broken document', () => {
      const text = 'deployment_gates:\n  - name: x\n    timout: 5\n\tfoo: [\n';
      const analysis = analyzeGatesYaml(text);
      assert.ok(analysis.issues.length > 0);
      assert.ok(analysis.issues.every((i) => i.kind === 'syntax'));
    });

    it('treats a broken block that looks like gates as a gates block', () => {
      const analysis = analyzeGatesYaml('deployment_gates:\n  - name: "x\n  ]]]: [\n');
      assert.equal(analysis.isGatesBlock, true);
      assert.ok(analysis.issues.length > 0);
    });

    it('reports several documents in one block', () => {
      const analysis = analyzeGatesYaml('deployment_gates: []\n---\nother: 1\n');
      assert.deepEqual(summary(analysis), [
        ['syntax', '1:0-1:3', 'Only one YAML document is expected here; this block holds several (separated by ---)'],
      ]);
    });
  });

  describe('unknown keys', () => {
    it('points at the key, suggests the closest allowed key and renames it', () => {
      const text = fixture('invalid-unknown-keys.yaml');
      const analysis = analyzeGatesYaml(text);
      assert.deepEqual(summary(analysis), [
        ['unknown-key', '2:4-2:10', 'Unknown gate key "timout"; did you mean "timeout"?', '2:4-2:10 => timeout'],
        ['unknown-key', '3:4-3:12', 'Unknown gate key "Required"; did you mean "required"?', '3:4-3:12 => required'],
        ['unknown-key', '4:4-4:10', 'Unknown gate key "owners"; did you mean "owner"?', '4:4-4:10 => owner'],
        [
          'unknown-key',
          '5:4-5:9',
          'Unknown gate key "color"; expected one of name, required, description, timeout, duration, wait, success_criteria, stages, owner, approvers, rollback_on_failure',
        ],
        ['unknown-key', '7:8-7:15', 'Unknown stage key "regoins"; did you mean "regions"?', '7:8-7:15 => regions'],
      ]);
      assert.equal(analysis.issues[0].suggestion, 'timeout');
      assert.equal(textAt(text, analysis.issues[0].span), 'timout');
      assert.equal(analysis.issues[3].suggestion, undefined);
    });

    it('says where a stage key belongs when it is written on the gate', () => {
      assert.deepEqual(summary(analyzeGatesYaml('deployment_gates:\n  - name: a\n    regions: [us-east-1]\n    percentage: 5\n')), [
        ['unknown-key', '2:4-2:11', 'Unknown gate key "regions"; it belongs in a stage, under "stages"'],
        ['unknown-key', '3:4-3:14', 'Unknown gate key "percentage"; it belongs in a stage, under "stages"'],
      ]);
    });

    it('points at a quoted key including its quotes', () => {
      const issue = only(analyzeGatesYaml('deployment_gates:\n  - name: a\n    "timeot": 5s\n'));
      assert.equal(at(issue.span), '2:4-2:12');
      assert.equal(issue.replacement?.newText, 'timeout');
    });

    it('works in flow mappings', () => {
      const issue = only(analyzeGatesYaml('deployment_gates: [{name: a, requird: true}]\n'));
      assert.deepEqual([issue.kind, at(issue.span), issue.message], ['unknown-key', '0:29-0:36', 'Unknown gate key "requird"; did you mean "required"?']);
    });
  });

  describe('missing keys', () => {
    it('reports a gate without name and a stage without regions on their first line', () => {
      const analysis = analyzeGatesYaml(fixture('invalid-missing-keys.yaml'));
      assert.deepEqual(summary(analysis), [
        ['missing-key', '1:4-1:18', 'Gate is missing the required key "name"'],
        ['unknown-key', '3:4-3:8', 'Unknown gate key "nmae"; did you mean "name"?', '3:4-3:8 => name'],
        ['missing-key', '6:8-6:16', 'Stage is missing the required key "regions"'],
      ]);
    });
  });

  describe('types', () => {
    it('says what was expected and what was found', () => {
      const analysis = analyzeGatesYaml(fixture('invalid-types.yaml'));
      assert.deepEqual(summary(analysis), [
        ['type', '2:14-2:18', '"required" must be a boolean, found the string "sure"'],
        ['type', '3:25-3:26', '"rollback_on_failure" must be a boolean, found the number 1'],
        ['type', '4:17-4:33', '"description" must be a string, found a list'],
        ['type', '5:15-5:20', '"approvers" must be a list, found the string "alice"', '5:15-5:20 => [alice]'],
        ['type', '6:22-6:30', '"success_criteria" must be a mapping of metric names to thresholds, found a list'],
        ['type', '8:17-8:26', '"regions" must be a list, found the string "us-east-1"', '8:17-8:26 => [us-east-1]'],
        ['type', '9:20-9:23', '"percentage" must be a number between 0 and 100, found the string "25%"', '9:20-9:23 => 25'],
        ['type', '10:17-10:19', '"regions" needs at least one region'],
        ['type', '11:20-11:23', '"percentage" must be between 0 and 100, found the number 150'],
        ['type', '12:29-12:31', 'Each region must be a string, found the number 42'],
        ['type', '13:8-13:21', 'Each stage must be a mapping with at least a "regions" key, found the string "just-a-string"'],
        ['type', '14:4-14:5', 'Each gate must be a mapping with at least a "name" key, found the number 7'],
      ]);
    });

    it('reports deployment_gates that is not a list, at the value or at the key when empty', () => {
      assert.deepEqual(summary(analyzeGatesYaml('deployment_gates: x\n')), [
        ['type', '0:18-0:19', '"deployment_gates" must be a list of gates, found the string "x"'],
      ]);
      assert.deepEqual(summary(analyzeGatesYaml('deployment_gates:\n')), [
        ['type', '0:0-0:16', '"deployment_gates" must be a list of gates, found an empty value'],
      ]);
      assert.deepEqual(summary(analyzeGatesYaml('deployment_gates: {name: x}\n')), [
        ['type', '0:18-0:27', '"deployment_gates" must be a list of gates, found a mapping'],
      ]);
    });

    it('reports an empty value at its key', () => {
      assert.deepEqual(summary(analyzeGatesYaml('deployment_gates:\n  - name: a\n    required:\n')), [
        ['type', '2:4-2:12', '"required" must be a boolean, found an empty value'],
      ]);
    });

    it('checks gate names: snake or kebab case, 128 characters at most', () => {
      assert.deepEqual(summary(analyzeGatesYaml('deployment_gates:\n  - name: Canary Deploy\n')), [
        ['type', '1:10-1:23', 'Gate name "Canary Deploy" should be snake_case or kebab-case (letters, digits, "_", "-", ".")'],
      ]);
      assert.deepEqual(summary(analyzeGatesYaml(`deployment_gates:\n  - name: ${'a'.repeat(129)}\n`)), [
        ['type', '1:10-1:139', 'Gate name is longer than 128 characters'],
      ]);
      assert.deepEqual(summary(analyzeGatesYaml('deployment_gates:\n  - name: 42\n')), [
        ['type', '1:10-1:12', '"name" must be a string, found the number 42'],
      ]);
    });

    it('requires at least one stage', () => {
      assert.deepEqual(summary(analyzeGatesYaml('deployment_gates:\n  - name: a\n    stages: []\n')), [
        ['type', '2:12-2:14', '"stages" needs at least one stage'],
      ]);
    });
  });

  describe('durations', () => {
    it('explains the expected format and rewrites loose durations when certain', () => {
      const analysis = analyzeGatesYaml(fixture('invalid-durations.yaml'));
      const expected = 'expected a number and a unit such as 60s, 30m, 1h';
      assert.deepEqual(summary(analysis), [
        ['duration', '2:13-2:23', `Invalid duration "30 minutes"; ${expected}`, '2:13-2:23 => 30m'],
        ['duration', '3:14-3:20', `Invalid duration "1 hour"; ${expected}`, '3:14-3:20 => 1h'],
        ['duration', '4:10-4:16', `Invalid duration "90 sec"; ${expected}`, '4:10-4:16 => 90s'],
        ['duration', '6:13-6:15', `Invalid duration 60; ${expected} (the unit is required)`],
        ['duration', '7:14-7:18', `Invalid duration "soon"; ${expected}`],
        ['duration', '8:4-8:8', `"wait" needs a duration; ${expected}`],
        ['duration', '12:14-12:20', `Invalid duration "1h 30m"; ${expected}`, '12:14-12:20 => 1h30m'],
        ['duration', '14:14-14:17', `Invalid duration "30M"; ${expected}`],
      ]);
      assert.equal(analysis.issues[0].suggestion, '30m');
    });

    it('replaces a quoted loose duration including its quotes', () => {
      const issue = only(analyzeGatesYaml('deployment_gates:\n  - name: a\n    timeout: "2 hours"\n'));
      assert.deepEqual(issue.replacement, { span: { line: 2, character: 13, endLine: 2, endCharacter: 22 }, newText: '2h' });
    });

    it('leaves timeoutSeconds undefined for an invalid duration', () => {
      const analysis = analyzeGatesYaml(fixture('invalid-durations.yaml'));
      assert.equal(analysis.gates[0].timeoutSeconds, undefined);
      assert.equal(analysis.gates[2].stages[0].waitSeconds, undefined);
    });
  });

  describe('duplicate names', () => {
    it('reports every repeat with a related span on the first one', () => {
      const analysis = analyzeGatesYaml(fixture('invalid-duplicates.yaml'));
      assert.deepEqual(
        analysis.issues.map((i) => [i.kind, at(i.span), i.message, i.related && at(i.related.span), i.related?.message]),
        [
          ['duplicate-name', '4:10-4:27', 'Duplicate gate name "canary_deployment"', '1:10-1:27', 'First gate named "canary_deployment"'],
          ['duplicate-name', '6:10-6:29', 'Duplicate gate name "canary_deployment"', '1:10-1:27', 'First gate named "canary_deployment"'],
        ],
      );
    });
  });

  it('does not report a gate listed twice through an alias as a duplicate', () => {
    const analysis = analyzeGatesYaml('deployment_gates:\n  - &g {name: smoke, timeout: 5m}\n  - *g\n');
    assert.deepEqual(analysis.issues, []);
    assert.deepEqual(analysis.gates.map((g) => g.name), ['smoke', 'smoke']);
  });

  describe('YAML 1.1 booleans', () => {
    it('where a boolean is expected: write true/false; where a string is expected: quote it', () => {
      const analysis = analyzeGatesYaml(fixture('invalid-yaml11.yaml'));
      assert.deepEqual(summary(analysis), [
        ['yaml11-boolean', '1:10-1:12', '"on" is read as a boolean by YAML 1.1 tools; quote it to keep it a string', '1:10-1:12 => "on"'],
        ['yaml11-boolean', '2:14-2:17', '"yes" is a string in YAML 1.2, not a boolean; write true', '2:14-2:17 => true'],
        ['yaml11-boolean', '3:25-3:28', '"Off" is a string in YAML 1.2, not a boolean; write false', '3:25-3:28 => false'],
        ['yaml11-boolean', '4:11-4:13', '"NO" is read as a boolean by YAML 1.1 tools; quote it to keep it a string', '4:11-4:13 => "NO"'],
        ['yaml11-boolean', '6:18-6:20', '"no" is read as a boolean by YAML 1.1 tools; quote it to keep it a string', '6:18-6:20 => "no"'],
        ['yaml11-boolean', '6:33-6:34', '"y" is read as a boolean by YAML 1.1 tools; quote it to keep it a string', '6:33-6:34 => "y"'],
        // Quoted "yes" is a deliberate string: a plain type error. `True` is a YAML 1.2 boolean.
        ['type', '8:14-8:19', '"required" must be a boolean, found the string "yes"'],
      ]);
      assert.equal(analysis.issues[1].suggestion, 'true');
    });

    it('reports a YAML 1.1 boolean once, not also as a type error', () => {
      const analysis = analyzeGatesYaml('deployment_gates:\n  - name: a\n    required: on\n');
      assert.deepEqual(analysis.issues.map((i) => i.kind), ['yaml11-boolean']);
    });

    it('still reads regions written as YAML 1.1 booleans as strings', () => {
      const analysis = analyzeGatesYaml(fixture('invalid-yaml11.yaml'));
      assert.deepEqual(analysis.gates[0].stages[0].regions, ['no', 'us-east-1', 'y']);
    });

    it('follows a %YAML 1.1 directive: yes is then a real boolean', () => {
      const analysis = analyzeGatesYaml('%YAML 1.1\n---\ndeployment_gates:\n  - name: a\n    required: yes\n');
      assert.equal(analysis.gates[0].required, true);
      assert.deepEqual(analysis.issues, []);
    });
  });

  describe('success criteria', () => {
    it('needs a comparator and a threshold', () => {
      const message = (metric: string) => `Success criterion "${metric}" needs a comparator and a threshold such as ">90%"`;
      assert.deepEqual(summary(analyzeGatesYaml(fixture('invalid-criteria.yaml'))), [
        ['criterion', '3:22-3:27', message('cache_hit_rate')],
        ['criterion', '4:18-4:21', message('error_rate')],
        ['criterion', '5:15-5:21', message('latency')],
        ['criterion', '7:6-7:18', message('empty_metric')],
        ['criterion', '8:13-8:31', message('words')],
      ]);
    });

    it('keeps the criteria in the gate info, valid or not', () => {
      const gate = analyzeGatesYaml(fixture('invalid-criteria.yaml')).gates[0];
      assert.deepEqual(
        gate.successCriteria.map((c) => [c.metric, c.raw, at(c.valueSpan)]),
        [
          ['cache_hit_rate', '90%', '3:22-3:27'],
          ['error_rate', '0.1', '4:18-4:21'],
          ['latency', 'fast', '5:15-5:21'],
          ['ok_metric', '>90%', '6:17-6:23'],
          ['empty_metric', '', '7:19-7:19'],
          ['words', 'greater than 90%', '8:13-8:31'],
        ],
      );
    });
  });

  describe('robustness: never throws, stays linear', () => {
    const MB = 1024 * 1024;

    it('an alias bomb is stopped and reported', () => {
      const analysis = analyzeGatesYaml(fixture('alias-bomb.yaml'));
      assert.equal(analysis.isGatesBlock, true);
      const issue = only(analysis);
      assert.equal(issue.kind, 'syntax');
      assert.equal(
        issue.message,
        'Excessive alias count indicates a resource exhaustion attack (more than 100 alias expansions); the block was not validated',
      );
      assert.equal(at(issue.span), '1:7-1:34');
      assert.deepEqual(analysis.gates.map((g) => g.name), ['canary']);
    });

    it('aliases repeating a big list many times are read without blowing up', () => {
      const regions = Array.from({ length: 2000 }, (_, i) => `r${i}`).join(', ');
      const stages = Array.from({ length: 2000 }, () => '*s').join(', ');
      const gates = Array.from({ length: 200 }, (_, i) => `  - {name: g${i}, stages: *st}`).join('\n');
      const text = `x: &s {regions: [${regions}]}\ny: &st [${stages}]\ndeployment_gates:\n${gates}\n`;
      const analysis = analyzeGatesYaml(text);
      assert.equal(analysis.isGatesBlock, true);
      assert.equal(analysis.gates.length, 200);
      assert.equal(analysis.gates[199].stages.length, 2000);
      assert.equal(analysis.gates[199].stages[1999].regions.length, 2000);
      // toJS refuses to expand that many aliases: reported, not validated.
      assert.deepEqual(analysis.issues.map((i) => i.kind), ['syntax']);
    });

    it('deep nesting is refused before yaml recurses (yaml overflows the stack at about 1000 levels)', () => {
      const message = `YAML nested more than ${MAX_YAML_DEPTH} levels deep; the block was not analyzed`;
      // Root map, list, gate: the description's first [ is level 3; the first one deeper than the limit is reported.
      const brackets = analyzeGatesYaml(`deployment_gates:\n  - name: a\n    description: ${'['.repeat(5000)}\n`);
      assert.equal(brackets.isGatesBlock, true);
      const column = 17 + MAX_YAML_DEPTH + 1 - 3;
      assert.deepEqual(summary(brackets), [['syntax', `2:${column}-2:${column + 1}`, message]]);
      for (const nested of ['{a: '.repeat(3000), '[{a: '.repeat(2000)]) {
        const analysis = analyzeGatesYaml(`deployment_gates:\n  - name: a\n    description: ${nested}\n`);
        assert.equal(analysis.isGatesBlock, true);
        assert.deepEqual(analysis.issues.map((i) => [i.kind, i.message, i.span.line]), [['syntax', message, 2]]);
      }
      const sequences = analyzeGatesYaml(`deployment_gates:\n  ${'- '.repeat(5000)}x\n`);
      assert.deepEqual(sequences.issues.map((i) => [i.kind, i.message, i.span.line]), [['syntax', message, 1]]);
      let indented = 'deployment_gates:\n';
      for (let i = 1; i < 3000; i++) indented += ' '.repeat(i) + 'k:\n';
      assert.deepEqual(only(analyzeGatesYaml(indented)).message, message);
      assert.deepEqual(analyzeGatesYaml('['.repeat(5000)), { isGatesBlock: false, gates: [], issues: [] });
    });

    it('refuses blocks with too many YAML tokens, before parsing them', () => {
      const text = `deployment_gates: [${'{name: a}, '.repeat(MAX_YAML_TOKENS)}]\n`;
      assert.deepEqual(summary(analyzeGatesYaml(text)), [
        ['syntax', `0:0-0:${text.length - 1}`, `This block is too large to analyze (more than ${MAX_YAML_TOKENS} YAML tokens)`],
      ]);
      assert.deepEqual(analyzeGatesYaml('['.repeat(100_000)), { isGatesBlock: false, gates: [], issues: [] });
    });

    it('analyzes a large but plausible block and caps the issues', () => {
      const approvers = Array.from({ length: 2000 }, () => 'no').join(', ');
      const analysis = analyzeGatesYaml(`deployment_gates:\n  - name: a\n    approvers: [${approvers}]\n`);
      assert.equal(analysis.issues.length, MAX_ISSUES);
      assert.ok(analysis.issues.every((i) => i.kind === 'yaml11-boolean'));
      const gates = Array.from({ length: 500 }, (_, i) => `  - name: gate_${i}\n    timout: 5m\n    required: true`).join('\n');
      const many = analyzeGatesYaml(`deployment_gates:\n${gates}\n`);
      assert.equal(many.gates.length, 500);
      assert.equal(many.issues.length, MAX_ISSUES);
      assert.equal(many.issues[0].message, 'Unknown gate key "timout"; did you mean "timeout"?');
    });

    it('nesting just under the limit is analyzed', () => {
      const value = '['.repeat(MAX_YAML_DEPTH - 4) + ']'.repeat(MAX_YAML_DEPTH - 4);
      const analysis = analyzeGatesYaml(`deployment_gates:\n  - name: a\n    description: ${value}\n`);
      assert.deepEqual(summary(analysis), [['type', `2:17-2:${17 + value.length}`, '"description" must be a string, found a list']]);
    });

    it('binary junk', () => {
      let seed = 3;
      const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      for (let round = 0; round < 30; round++) {
        let junk = round % 2 === 0 ? 'deployment_gates:\n' : '';
        for (let i = 0; i < 3000; i++) junk += String.fromCharCode(Math.floor(random() * (round % 3 === 0 ? 0x10000 : 128)));
        const analysis = analyzeGatesYaml(junk);
        assert.ok(Array.isArray(analysis.issues) && Array.isArray(analysis.gates));
        assert.ok(analysis.issues.length <= MAX_ISSUES);
      }
      assert.deepEqual(analyzeGatesYaml(undefined as unknown as string), { isGatesBlock: false, gates: [], issues: [] });
    });

    it('YAML-flavoured random junk', () => {
      const pieces = ['deployment_gates:', '\n', '  ', '- ', 'name: ', 'required: ', 'yes', 'no', '[', ']', '{', '}', '"', "'", '&a ', '*a', '<<: ', ': ', '#', 'stages:', 'regions:', '30m', '\t', '---\n', '%YAML 1.1\n', '!!str ', '? ', ','];
      let seed = 11;
      const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      for (let round = 0; round < 300; round++) {
        let text = 'deployment_gates:\n';
        for (let i = 0; i < 60; i++) text += pieces[Math.floor(random() * pieces.length)];
        const analysis = analyzeGatesYaml(text);
        assert.equal(analysis.isGatesBlock, true, text);
        for (const issue of analysis.issues) {
          assert.ok(issue.message.length > 0);
          assert.ok(issue.span.line <= issue.span.endLine);
        }
      }
    });

    const oneMegabyte: [string, string][] = [
      ['a 1 MB name', `deployment_gates:\n  - name: ${'a'.repeat(MB)}\n`],
      ['a 1 MB description', `deployment_gates:\n  - name: a\n    description: ${'x '.repeat(MB / 2)}\n`],
      ['a 1 MB duration of digits', `deployment_gates:\n  - name: a\n    timeout: ${'1'.repeat(MB)}\n`],
      ['a 1 MB duration of parts', `deployment_gates:\n  - name: a\n    timeout: ${'1s'.repeat(MB / 2)}x\n`],
      ['a 1 MB criterion', `deployment_gates:\n  - name: a\n    success_criteria:\n      m: ">${'1'.repeat(MB)}x y"\n`],
      ['a 1 MB unknown key', `deployment_gates:\n  - name: a\n    ${'k'.repeat(MB)}: 1\n`],
      ['a 1 MB flow list of regions', `deployment_gates:\n  - name: a\n    stages:\n      - regions: [${'r, '.repeat(MB / 3)}r]\n`],
      ['a 1 MB line of junk', `deployment_gates:\n${'@#!]:{ '.repeat(MB / 7)}\n`],
      ['a 1 MB unclosed quote', `deployment_gates:\n  - name: "${'a'.repeat(MB)}\n`],
      ['1 MB of gates on one line', `deployment_gates: [${'{name: a}, '.repeat(MB / 11)}]\n`],
      ['1 MB of YAML 1.1 booleans', `deployment_gates:\n  - name: a\n    approvers: [${'no, '.repeat(MB / 4)}]\n`],
      ['1 MB of unknown keys', `deployment_gates: [{name: a, ${Array.from({ length: MB / 8 }, (_, i) => `k${i}: 1`).join(', ')}}]\n`],
    ];
    for (const [title, text] of oneMegabyte) {
      it(title, () => {
        const analysis = analyzeGatesYaml(text);
        assert.equal(analysis.isGatesBlock, true);
        assert.ok(analysis.issues.length <= MAX_ISSUES);
        for (const issue of analysis.issues) assert.ok(issue.message.length < 400, issue.message.slice(0, 100));
      });
    }

    it('1 MB cases report the right thing', () => {
      const name = analyzeGatesYaml(oneMegabyte[0][1]);
      assert.deepEqual(name.issues.map((i) => i.message), ['Gate name is longer than 128 characters']);
      const digits = analyzeGatesYaml(oneMegabyte[2][1]);
      assert.equal(digits.issues[0].kind, 'duration');
      assert.equal(digits.issues[0].message, `Invalid duration ${'1'.repeat(40)}…; expected a number and a unit such as 60s, 30m, 1h (the unit is required)`);
      const parts = analyzeGatesYaml(oneMegabyte[3][1]);
      assert.equal(parts.issues[0].message, `Invalid duration "${'1s'.repeat(20)}…"; expected a number and a unit such as 60s, 30m, 1h`);
      const criterion = analyzeGatesYaml(oneMegabyte[4][1]);
      assert.deepEqual(criterion.issues, []);
      const unknownKey = analyzeGatesYaml(oneMegabyte[5][1]);
      // YAML itself limits implicit keys to 1024 characters.
      assert.deepEqual(summary(unknownKey), [
        ['syntax', `2:4-2:${4 + MB}`, 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key'],
      ]);
      const longKey = analyzeGatesYaml(`deployment_gates:\n  - name: a\n    ${'k'.repeat(1000)}: 1\n`);
      assert.deepEqual(longKey.issues.map((i) => [i.kind, at(i.span)]), [['unknown-key', '2:4-2:1004']]);
      assert.ok(longKey.issues[0].message.startsWith(`Unknown gate key "${'k'.repeat(40)}…"; expected one of name,`));
      const quote = analyzeGatesYaml(oneMegabyte[8][1]);
      assert.deepEqual(quote.issues.map((i) => i.message), ['Missing closing "quote']);
      // Dense token streams are refused up front rather than parsed for seconds.
      for (const index of [6, 7, 9, 10, 11]) {
        const dense = analyzeGatesYaml(oneMegabyte[index][1]);
        assert.deepEqual(dense.issues.map((i) => i.message), [`This block is too large to analyze (more than ${MAX_YAML_TOKENS} YAML tokens)`]);
      }
    });
  });
});

describe('looksLikeGatesYaml', () => {
  it('finds a deployment_gates key at column 0', () => {
    assert.equal(looksLikeGatesYaml('deployment_gates:\n  - name: a'), true);
    assert.equal(looksLikeGatesYaml('# comment\nversion: 1\ndeployment_gates:\n'), true);
    assert.equal(looksLikeGatesYaml('deployment_gates: []'), true);
    assert.equal(looksLikeGatesYaml('"deployment_gates": []'), true);
    assert.equal(looksLikeGatesYaml('\uFEFFdeployment_gates:\r\n'), true);
    assert.equal(looksLikeGatesYaml('deployment_gates :\n'), true);
  });

  it('ignores indented keys, other keys and mentions', () => {
    assert.equal(looksLikeGatesYaml('  deployment_gates:\n'), false);
    assert.equal(looksLikeGatesYaml('deployment_gates_v2:\n'), false);
    assert.equal(looksLikeGatesYaml('deployment_gates:x'), false);
    assert.equal(looksLikeGatesYaml('# deployment_gates:\n'), false);
    assert.equal(looksLikeGatesYaml('gates:\n'), false);
    assert.equal(looksLikeGatesYaml(''), false);
    assert.equal(looksLikeGatesYaml(42 as unknown as string), false);
  });

  it('is linear on a 1 MB line', () => {
    assert.equal(looksLikeGatesYaml('deployment_gates'.repeat(65536)), false);
    assert.equal(looksLikeGatesYaml('x'.repeat(1 << 20) + '\ndeployment_gates:'), true);
  });
});
