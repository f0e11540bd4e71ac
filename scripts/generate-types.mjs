// Generates src/core/model/types.generated.ts from schemas/postmortem.schema.json: the schema is
// the single source of truth for the model's shape. `--check` fails when the file is stale.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const target = `${root}src/core/model/types.generated.ts`;
export async function generateModelTypes() {
  const schema = JSON.parse(readFileSync(`${root}schemas/postmortem.schema.json`, 'utf8'));
  return compile(schema, 'PostmortemModel', {
    bannerComment: '/* Generated from schemas/postmortem.schema.json by `npm run schema:types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 110 },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const generated = await generateModelTypes();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== generated) {
      console.error(`${target} is stale: run npm run schema:types`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, generated);
  }
}
