// Builds every bundle with esbuild: the extension (Node, `vscode` external), the CLI,
// the webview (browser) and the integration test suite. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { webviewPreloadManifest } from './webview-preload.mjs';
import { mkdirSync, existsSync, readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The core is the second bundle below, required at run time once a post-mortem is open.
    external: ['vscode', './extension-core.js'],
    mainFields: ['module', 'main'],
  },
  {
    ...common,
    // The part of the core the extension needs (remark, yaml, ajv): loaded lazily by
    // src/extension/coreLoader.ts so that activation stays small.
    entryPoints: { 'extension-core': 'src/extension/core/index.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { PMKIT_VERSION: JSON.stringify(version) },
  },
];

if (existsSync('src/webview/main.ts')) {
  // Chunk names carry a hash: without this, each build would leave the previous chunks behind.
  rmSync('dist/webview', { recursive: true, force: true });
  const browser = { ...common, outdir: 'dist/webview', platform: 'browser', format: 'esm', target: 'es2022', minify: true };
  builds.push(
    {
      // The page's own script, in one file with no static import: the extension writes it into
      // the page, where it runs as soon as the HTML is parsed. A static import (of a chunk shared
      // with Mermaid's, say) would hold it until that file came through VS Code's webview
      // resource loading, behind Mermaid's preloads: 300-500 ms later in code-server.
      ...browser,
      entryPoints: { webview: 'src/webview/main.ts' },
      plugins: [mermaidFromItsOwnBundle()],
    },
    {
      // Mermaid, built apart (dist/webview/mermaid.js) and split: each diagram type in its own
      // chunk, loaded by dynamic import from the extension's folder when first drawn. Minified
      // always: the page parses less.
      ...browser,
      entryPoints: { mermaid: 'src/webview/mermaidBundle.ts' },
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      // dist/webview/preload.json: the chunks the page preloads for a first render.
      metafile: true,
      plugins: [webviewPreloadManifest()],
    },
  );
}

/** The page's `import('mermaid')` loads dist/webview/mermaid.js, the Mermaid bundle, next to it. */
function mermaidFromItsOwnBundle() {
  return {
    name: 'mermaid-from-its-own-bundle',
    setup(build) {
      build.onResolve({ filter: /^mermaid$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './mermaid.js', external: true } : undefined));
    },
  };
}

if (existsSync('test/integration/index.ts')) {
  builds.push({
    ...common,
    entryPoints: { index: 'test/integration/index.ts' },
    outdir: 'dist/test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  });
}

mkdirSync('dist', { recursive: true });
if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  assertPageScriptStandsAlone();
}

/** Fails the build when the preview's page script imports a file statically (see its build above). */
function assertPageScriptStandsAlone() {
  const file = 'dist/webview/webview.js';
  if (!existsSync(file)) return;
  const imported = /^\s*import\s*(?:[\w*{][^;]*?from\s*)?["']([^"']+)["']/.exec(readFileSync(file, 'utf8'))?.[1];
  if (imported) throw new Error(`${file} imports ${imported} statically: the page's script must stand alone (see scripts/build.mjs).`);
}
