import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import schema from '../../../schemas/deployment-gates.schema.json';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'gates');

function compile() {
  return new Ajv2020({ allErrors: true, strict: true }).compile(schema);
}

function load(name: string): unknown {
  return parse(readFileSync(join(FIXTURES, name), 'utf8'), { merge: true });
}

/** Every subschema under `properties`, with its JSON path. */
function properties(node: unknown, path = '#'): [string, Record<string, unknown>][] {
  if (node === null || typeof node !== 'object') return [];
  const out: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, sub] of Object.entries(value)) out.push([`${path}/properties/${name}`, sub as Record<string, unknown>]);
    }
    out.push(...properties(value, `${path}/${key}`));
  }
  return out;
}

describe('schemas/deployment-gates.schema.json', () => {
  it('is a valid JSON Schema 2020-12 document that compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true });
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, 'https://postmortem-kit.dev/schemas/deployment-gates.schema.json');
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    assert.equal(typeof compile(), 'function');
  });

  it('has a title and a description on the root and on every property', () => {
    assert.ok(schema.title && schema.description);
    const all = properties(schema);
    assert.ok(all.length >= 15);
    for (const [path, sub] of all) {
      assert.equal(typeof sub.title, 'string', `${path} has no title`);
      assert.equal(typeof sub.description, 'string', `${path} has no description`);
    }
  });

  it('forbids unknown keys on gates and stages only', () => {
    assert.equal(schema.$defs.gate.additionalProperties, false);
    assert.equal(schema.$defs.stage.additionalProperties, false);
    assert.equal((schema as Record<string, unknown>).additionalProperties, undefined);
  });

  it('accepts the valid fixtures', () => {
    const validate = compile();
    for (const name of readdirSync(FIXTURES).filter((f) => f.startsWith('valid-'))) {
      assert.equal(validate(load(name)), true, `${name}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('rejects the invalid fixtures (but duplicates and YAML 1.1 words are checked by the analysis, not the schema)', () => {
    const validate = compile();
    const notSchema = ['invalid-yaml11.yaml', 'invalid-duplicates.yaml'];
    assert.equal(validate(load('invalid-duplicates.yaml')), true);
    for (const name of readdirSync(FIXTURES).filter((f) => f.startsWith('invalid-') && !notSchema.includes(f))) {
      assert.equal(validate(load(name)), false, name);
    }
  });

  it('requires the deployment_gates key and a name on each gate', () => {
    const validate = compile();
    assert.equal(validate({}), false);
    assert.equal(validate({ deployment_gates: [] }), true);
    assert.equal(validate({ deployment_gates: [{}] }), false);
    assert.equal(validate({ deployment_gates: [{ name: 'a' }] }), true);
    assert.equal(validate({ deployment_gates: [{ name: 'a', stages: [{ wait: '1h' }] }] }), false);
  });

  describe('durations', () => {
    const validate = compile();
    const gate = (timeout: unknown) => ({ deployment_gates: [{ name: 'a', timeout }] });
    for (const ok of ['60s', '30m', '1h', '2d', '500ms', '1.5h', '1h30m', '1h30m15s']) {
      it(`accepts ${ok}`, () => assert.equal(validate(gate(ok)), true));
    }
    for (const bad of ['60', '30 minutes', '1h 30m', '30M', 'PT30M', '.5h', 60, '']) {
      it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(validate(gate(bad)), false));
    }
  });

  describe('success criteria', () => {
    const validate = compile();
    const gate = (threshold: unknown) => ({ deployment_gates: [{ name: 'a', success_criteria: { metric: threshold } }] });
    for (const ok of ['>90%', '<200K/sec', '<=0.1%', '== 0', '<10/min', '>= 99.95%', '< 200ms', '>1,000 req/s', '!= 0', '≥ 5']) {
      it(`accepts ${ok}`, () => assert.equal(validate(gate(ok)), true));
    }
    for (const bad of ['90%', 'fast', '>', '> fast', 'greater than 90%', 90, null]) {
      it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(validate(gate(bad)), false));
    }
  });

  describe('stages', () => {
    const validate = compile();
    const stage = (s: unknown) => ({ deployment_gates: [{ name: 'a', stages: [s] }] });
    it('accepts regions, wait and percentage', () => {
      assert.equal(validate(stage({ regions: ['us-east-1'], wait: '1h', percentage: 0 })), true);
      assert.equal(validate(stage({ regions: ['us-east-1'], percentage: 100 })), true);
    });
    it('rejects an empty region list, a percentage out of range and unknown keys', () => {
      assert.equal(validate(stage({ regions: [] })), false);
      assert.equal(validate(stage({ regions: ['a'], percentage: 101 })), false);
      assert.equal(validate(stage({ regions: ['a'], percentage: -1 })), false);
      assert.equal(validate(stage({ regions: ['a'], zone: 'b' })), false);
    });
  });

  it('keeps its patterns linear on 1 MB strings', () => {
    const validate = compile();
    const MB = 1 << 20;
    assert.equal(validate({ deployment_gates: [{ name: 'a', timeout: '1s'.repeat(MB / 2) + 'x' }] }), false);
    assert.equal(validate({ deployment_gates: [{ name: 'a', timeout: '1'.repeat(MB) }] }), false);
    assert.equal(validate({ deployment_gates: [{ name: 'a', success_criteria: { m: '>' + '1'.repeat(MB) + '\n' } }] }), false);
    assert.equal(validate({ deployment_gates: [{ name: 'a-'.repeat(MB / 2) + ' ' }] }), false);
  });
});
