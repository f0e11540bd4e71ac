import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Finding } from '../../src/core';
import type { PostmortemModel } from '../../src/core/model/types.generated';

export const repoRoot = join(__dirname, '..', '..');
export const referencePath = join(repoRoot, 'examples', 'incident-anatomy-evcache.md');

/** Reads a file relative to the repository root. */
export function readRepoFile(relative: string): string {
  return readFileSync(join(repoRoot, relative), 'utf8');
}

/** A finding as the CLI prints it in JSON: 1-based, without fixes. */
export interface ExpectedFinding {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: string;
  /** A part of the message the finding must contain. */
  message?: string;
}

export function toExpectedShape(f: Finding): ExpectedFinding {
  return {
    rule: f.ruleId,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

let validateModel: ((data: unknown) => boolean) & { errors?: unknown } | undefined;

/** Asserts that a model is valid against schemas/postmortem.schema.json; returns the errors. */
export function schemaErrors(model: PostmortemModel): string[] {
  if (!validateModel) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    validateModel = ajv.compile(JSON.parse(readRepoFile('schemas/postmortem.schema.json')));
  }
  // Round-trip through JSON: that is what `pmkit model` prints (undefined fields vanish).
  const ok = validateModel(JSON.parse(JSON.stringify(model)));
  return ok ? [] : [JSON.stringify(validateModel.errors, null, 2)];
}
