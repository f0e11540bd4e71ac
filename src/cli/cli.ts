import { parseArgs } from 'node:util';
import { applyFixes, lintText, type Finding, type LintConfig } from '../core';
import { allRules, docsPath } from '../core';
import { actionItemsToChecklist, actionItemsToCsv, modelOfText, readDueDays, scaffoldActionItems, withDueDaysRule, type ScaffoldOptions } from '../core';

/** What the CLI may do to the outside world; tests pass fakes. */
export interface CliIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  exists(path: string): boolean;
}

const USAGE = `Usage: pmkit <command> [options]

Commands:
  lint [--format text|json] [--config FILE] [--fix] FILE...
                      Lint post-mortems. Exit 0: no errors; 1: errors found; 2: usage or file problem.
  model FILE          Print the extracted model as JSON (schemas/postmortem.schema.json).
  rules               List the rules with their ids, default severities and docs pages.
  scaffold [--write] [--config FILE] FILE
                      Create or update the Action Items table from the lessons learned, the
                      deployment gates and the "what went wrong" findings. Prints the new text
                      (or writes it with --write); what changed goes to stderr. Exit 0; 1 when
                      the table cannot be placed (inside an unclosed code block).
  actions [--format csv|checklist] FILE
                      Print the action items table as CSV (for a tracker's import) or as a
                      Markdown checklist.

Options:
  -h, --help          Show this help.
  -v, --version       Show the version.

Configuration: --config FILE, else .pmkitrc.json in the current directory if present:
  { "rules": { "PM107": "off", "overview-fields": { "severity": "error", "required": ["date", "severity"] } } }
  "actionItems": { "sectionTitle": "Action Items", "placement": "afterLessons" | "end",
                   "dueDays": { "SEV-1": 15, "SEV-2": 30, "SEV-3": 60, "default": 30 } } is read by scaffold
  (and its dueDays by lint, for PM602, unless the rule has its own).
`;

declare const PMKIT_VERSION: string | undefined;

/** Runs the CLI with `args` (without node and script); returns the exit code. Never throws. */
export function runCli(args: string[], io: CliIo): number {
  try {
    return dispatch(args, io);
  } catch (error) {
    io.stderr(`pmkit: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function dispatch(args: string[], io: CliIo): number {
  const [command, ...rest] = args;
  if (!command) {
    io.stderr(USAGE);
    return 2;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${typeof PMKIT_VERSION === 'string' ? PMKIT_VERSION : 'dev'}\n`);
    return 0;
  }
  switch (command) {
    case 'lint':
      return lintCommand(rest, io);
    case 'model':
      return modelCommand(rest, io);
    case 'rules':
      return rulesCommand(io);
    case 'scaffold':
      return scaffoldCommand(rest, io);
    case 'actions':
      return actionsCommand(rest, io);
    default:
      io.stderr(`pmkit: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/** Runs a parseArgs call; on a usage error prints it with the usage and gives undefined. */
function parse<T>(io: CliIo, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    io.stderr(`pmkit: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return undefined;
  }
}

function lintCommand(args: string[], io: CliIo): number {
  const parsed = parse(io, () =>
    parseArgs({
      args,
      options: { format: { type: 'string', default: 'text' }, config: { type: 'string' }, fix: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (!parsed) return 2;
  const format = String(parsed.values.format);
  if (format !== 'text' && format !== 'json') {
    io.stderr(`pmkit: unknown format "${format}"; expected text or json\n`);
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    io.stderr(`pmkit: lint needs at least one file\n\n${USAGE}`);
    return 2;
  }
  const loaded = loadConfig(parsed.values.config, io);
  if (loaded === undefined) return 2;
  const config = withActionItemsDueDays(loaded);

  const texts: string[] = [];
  for (const file of files) {
    try {
      texts.push(io.readFile(file));
    } catch (error) {
      io.stderr(`pmkit: cannot read ${file}: ${describeIoError(error)}\n`);
      return 2;
    }
  }

  let errors = 0;
  let warnings = 0;
  const results: { file: string; findings: Finding[] }[] = [];
  files.forEach((file, i) => {
    let result = lintText(texts[i], config);
    if (i === 0) for (const problem of result.configProblems) io.stderr(`pmkit: ${problem}\n`);
    if (parsed.values.fix) {
      const fixed = applyFixes(texts[i], result.findings);
      if (fixed.applied > 0) {
        io.writeFile(file, fixed.text);
        result = lintText(fixed.text, config);
      }
    }
    for (const f of result.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    results.push({ file, findings: result.findings });
  });

  if (format === 'json') {
    io.stdout(
      JSON.stringify({
        files: results.map(({ file, findings }) => ({
          file,
          findings: findings.map((f) => ({
            rule: f.ruleId,
            name: f.ruleName,
            severity: f.severity,
            message: f.message,
            line: f.range.start.line + 1,
            column: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          })),
        })),
      }) + '\n',
    );
  } else {
    for (const { file, findings } of results) {
      for (const f of findings) {
        io.stdout(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message} [${f.ruleId} ${f.ruleName}]\n`);
      }
    }
    const total = results.reduce((n, r) => n + r.findings.length, 0);
    if (total > 0) io.stdout(`\n${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${total - errors - warnings} info)\n`);
  }
  return errors > 0 ? 1 : 0;
}

function modelCommand(args: string[], io: CliIo): number {
  const parsed = parse(io, () => parseArgs({ args, options: {}, allowPositionals: true, strict: true }));
  if (!parsed) return 2;
  if (parsed.positionals.length !== 1) {
    io.stderr(`pmkit: model needs exactly one file\n\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`pmkit: cannot read ${file}: ${describeIoError(error)}\n`);
    return 2;
  }
  io.stdout(JSON.stringify(lintText(text, { rules: {} }).model, null, 2) + '\n');
  return 0;
}

function rulesCommand(io: CliIo): number {
  for (const rule of allRules) {
    io.stdout(`${rule.id}  ${rule.name.padEnd(32)} ${rule.defaultSeverity.padEnd(8)} ${rule.fixable ? 'fixable ' : '        '} ${rule.description}  (${docsPath(rule)})\n`);
  }
  return 0;
}

/** Reads the configuration: undefined means a problem was reported and the run must stop. */
function loadConfig(path: string | undefined, io: CliIo): LintConfig | undefined {
  const file = path ?? (io.exists('.pmkitrc.json') ? '.pmkitrc.json' : undefined);
  if (!file) return {};
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`pmkit: cannot read the configuration ${file}: ${describeIoError(error)}\n`);
    return undefined;
  }
  try {
    const config = JSON.parse(text) as unknown;
    if (!config || typeof config !== 'object' || Array.isArray(config)) throw new Error('expected a JSON object');
    return config as LintConfig;
  } catch (error) {
    io.stderr(`pmkit: the configuration ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** The `actionItems` part of the configuration: the scaffold's settings. */
function scaffoldOptionsOf(config: LintConfig): ScaffoldOptions {
  const section = (config as { actionItems?: unknown }).actionItems;
  if (!section || typeof section !== 'object' || Array.isArray(section)) return {};
  const { sectionTitle, placement, dueDays } = section as Record<string, unknown>;
  const options: ScaffoldOptions = {};
  if (typeof sectionTitle === 'string' && sectionTitle.trim()) options.sectionTitle = sectionTitle;
  if (placement === 'afterLessons' || placement === 'end') options.placement = placement;
  const days = readDueDays(dueDays);
  if (days) options.dueDays = days;
  return options;
}

/** PM602 checks due dates against `actionItems.dueDays` unless the rule is given its own. */
function withActionItemsDueDays(config: LintConfig): LintConfig {
  const dueDays = scaffoldOptionsOf(config).dueDays;
  return dueDays ? { ...config, rules: withDueDaysRule(config.rules, dueDays) } : config;
}

/** Reads the one FILE of a command; undefined when a problem was reported. */
function readOne(command: string, positionals: string[], io: CliIo): { file: string; text: string } | undefined {
  if (positionals.length !== 1) {
    io.stderr(`pmkit: ${command} needs exactly one file\n\n${USAGE}`);
    return undefined;
  }
  const file = positionals[0];
  try {
    return { file, text: io.readFile(file) };
  } catch (error) {
    io.stderr(`pmkit: cannot read ${file}: ${describeIoError(error)}\n`);
    return undefined;
  }
}

function scaffoldCommand(args: string[], io: CliIo): number {
  const parsed = parse(io, () =>
    parseArgs({ args, options: { write: { type: 'boolean' }, config: { type: 'string' } }, allowPositionals: true, strict: true }),
  );
  if (!parsed) return 2;
  const config = loadConfig(parsed.values.config, io);
  if (config === undefined) return 2;
  const input = readOne('scaffold', parsed.positionals, io);
  if (!input) return 2;
  const result = scaffoldActionItems(input.text, modelOfText(input.text), scaffoldOptionsOf(config));
  if (result.problem) {
    io.stderr(`pmkit: ${input.file}: ${result.problem}\n`);
    if (!parsed.values.write) io.stdout(result.text);
    return 1;
  }
  for (const change of result.changes) io.stderr(`pmkit: ${input.file}: ${change}\n`);
  const summary = `${result.added} action item${result.added === 1 ? '' : 's'} added, ${result.updated} updated`;
  if (parsed.values.write) {
    if (result.edits.length > 0) io.writeFile(input.file, result.text);
    io.stdout(`${input.file}: ${result.edits.length > 0 ? summary : 'action items are up to date'}\n`);
  } else {
    io.stdout(result.text);
    io.stderr(`pmkit: ${input.file}: ${summary}${result.edits.length > 0 ? ' (not written; use --write)' : ''}\n`);
  }
  return 0;
}

function actionsCommand(args: string[], io: CliIo): number {
  const parsed = parse(io, () => parseArgs({ args, options: { format: { type: 'string', default: 'csv' } }, allowPositionals: true, strict: true }));
  if (!parsed) return 2;
  const format = String(parsed.values.format);
  if (format !== 'csv' && format !== 'checklist') {
    io.stderr(`pmkit: unknown format "${format}"; expected csv or checklist\n`);
    return 2;
  }
  const input = readOne('actions', parsed.positionals, io);
  if (!input) return 2;
  const { actionItems } = modelOfText(input.text);
  if (!actionItems.table) io.stderr(`pmkit: ${input.file} has no action items table; pmkit scaffold --write ${input.file} creates one\n`);
  io.stdout(format === 'csv' ? actionItemsToCsv(actionItems) : actionItemsToChecklist(actionItems));
  return 0;
}
