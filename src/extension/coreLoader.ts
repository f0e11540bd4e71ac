import type * as Core from './core';

export type { Core };

let core: typeof Core | undefined;
let loadMs: number | undefined;

/**
 * The core (parser, model, rules), loaded on first use. It is a second bundle next to
 * extension.js so that activating on any Markdown file stays cheap; the require is left as is by
 * the build (it is marked external there).
 */
export function loadCore(): typeof Core {
  if (!core) {
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    core = require('./extension-core.js') as typeof Core;
    loadMs = performance.now() - started;
  }
  return core;
}

export function isCoreLoaded(): boolean {
  return core !== undefined;
}

/** How long the first load took, for the log. */
export function coreLoadMs(): number | undefined {
  return loadMs;
}
