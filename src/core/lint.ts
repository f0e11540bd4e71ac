import { comparePositions } from './document';
import { resolveConfig, type LintConfig } from './config';
import { buildModel, type ModelBuild } from './model/build';
import type { PostmortemModel } from './model/types.generated';
import { IncrementalMarkdownParser } from './parse/markdown';
import type { Finding, Report, RuleContext } from './rules/rule';

export interface LintResult {
  model: PostmortemModel;
  findings: Finding[];
  build: ModelBuild;
  /** Problems with the configuration itself (unknown rules, bad levels). */
  configProblems: string[];
}

/**
 * Lints post-mortems. Keep one linter per document: it remembers the parse of each chunk, so
 * linting again after an edit re-parses only what changed.
 */
export class PostmortemLinter {
  private readonly parser = new IncrementalMarkdownParser();
  private previousBuild: ModelBuild | undefined;

  /** Lints `text`. Never throws: a rule that fails is reported as an info finding. */
  lint(text: string, config?: LintConfig): LintResult {
    const parsed = this.parser.parse(text);
    const build = buildModel(parsed, this.previousBuild);
    this.previousBuild = build;
    const { rules, problems } = resolveConfig(config);
    const findings: Finding[] = [];
    for (const { rule, severity, options } of rules) {
      const context: RuleContext = {
        model: build.model,
        build,
        lines: parsed.lines,
        options,
        report: (report: Report) => findings.push({ ruleId: rule.id, ruleName: rule.name, severity, ...withoutEmpty(report) }),
      };
      try {
        rule.check(context);
      } catch (error) {
        findings.push({
          ruleId: rule.id,
          ruleName: rule.name,
          severity: 'info',
          message: `Rule ${rule.name} could not check this document (${error instanceof Error ? error.message : String(error)}); please report this.`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        });
      }
    }
    findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.ruleId.localeCompare(b.ruleId));
    return { model: build.model, findings, build, configProblems: problems };
  }
}

/** Lints a text once (no cache kept). */
export function lintText(text: string, config?: LintConfig): LintResult {
  return new PostmortemLinter().lint(text, config);
}

function withoutEmpty(report: Report): Report {
  const out: Report = { message: report.message, range: report.range };
  if (report.related && report.related.length > 0) out.related = report.related;
  if (report.fix) out.fix = report.fix;
  return out;
}
