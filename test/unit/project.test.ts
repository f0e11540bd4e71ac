import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { allRules, docsPath } from '../../src/core';
import { FRONT_MATTER_KEYS } from '../../src/core/model/extract/metadata';
import { repoRoot } from './helpers';

function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, suffix));
    else if (full.endsWith(suffix)) out.push(full);
  }
  return out;
}

describe('the rules', () => {
  it('have unique ids and names of the documented forms', () => {
    const ids = allRules.map((r) => r.id);
    const names = allRules.map((r) => r.name);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(names).size, names.length);
    for (const rule of allRules) {
      assert.match(rule.id, /^PM\d{3}$/);
      assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.description.endsWith('.'), `${rule.name}: description is a sentence`);
    }
  });

  it('each have a docs page that names their id and name', () => {
    for (const rule of allRules) {
      const page = join(repoRoot, docsPath(rule));
      assert.ok(existsSync(page), `missing ${docsPath(rule)}`);
      const first = readFileSync(page, 'utf8').split('\n')[0];
      assert.equal(first, `# ${rule.id} ${rule.name}`);
    }
  });

  it('each have an ok and a not-ok fixture with expected findings', () => {
    for (const rule of allRules) {
      const dir = join(repoRoot, 'test', 'fixtures', 'rules', rule.name);
      for (const file of ['ok.md', 'not-ok.md', 'not-ok.expected.json']) {
        assert.ok(existsSync(join(dir, file)), `missing test/fixtures/rules/${rule.name}/${file}`);
      }
    }
  });
});

describe('the core', () => {
  it('imports neither vscode nor Node built-ins', () => {
    const forbidden = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const file of filesUnder(join(repoRoot, 'src', 'core'), '.ts')) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        assert.ok(!forbidden.has(specifier), `${relative(repoRoot, file)} imports ${specifier}`);
      }
    }
  });
});

describe('the model schema and types', () => {
  it('generated types are up to date with schemas/postmortem.schema.json', async () => {
    const { generateModelTypes } = await import('../../scripts/generate-types.mjs');
    const generated = await generateModelTypes();
    const committed = readFileSync(join(repoRoot, 'src', 'core', 'model', 'types.generated.ts'), 'utf8');
    assert.equal(committed, generated, 'run npm run schema:types');
  });
});

describe('the front matter keys', () => {
  it('are all documented in the schema, and the schema documents no key the reader ignores', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'postmortem.schema.json'), 'utf8'));
    const documented = Object.keys(schema.$defs.FrontMatter.properties).sort();
    assert.deepEqual(documented, [...Object.keys(FRONT_MATTER_KEYS), 'title'].sort());
  });
});

describe('the extension manifest', () => {
  it('contributes every command it lists in menus, each with the Post-Mortem category, and no test hook', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const commands: { command: string; category?: string }[] = manifest.contributes.commands;
    const ids = new Set(commands.map((c) => c.command));
    for (const command of commands) assert.equal(command.category, 'Post-Mortem', command.command);
    assert.deepEqual([...ids].filter((id) => id.startsWith('postmortem.test.')), [], 'test hooks are registered by the test launchers only');
    for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, { command?: string }[]>)) {
      for (const item of items) if (item.command) assert.ok(ids.has(item.command), `${menu} lists ${item.command}, which is not contributed`);
    }
  });
});
