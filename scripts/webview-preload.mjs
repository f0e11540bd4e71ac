// esbuild plugin for the Mermaid bundle (scripts/build.mjs): writes dist/webview/preload.json,
// the chunks to preload for a first render, so that the preview's page can fetch and compile
// them in parallel (<link rel="modulepreload">) instead of one after the other as each dynamic
// import is reached: Mermaid's core, then a diagram type, then its layout (ELK for flowcharts in
// Mermaid 12, 1.5 MB).
//
//   { "mermaid": ["mermaid.js", "chunks/chunk-X.js", ...], "chunks": { "flowDiagram": [...], "elk": [...] } }
//
// Each list holds a chunk and the chunks it imports statically, relative to dist/webview.
//
// It also marks the ELK chunk for eager compilation (see hintEagerCompile).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MERMAID_ENTRY = /node_modules\/mermaid\/dist\/mermaid\.core\.mjs$/;
/** Diagram and layout modules of Mermaid's own code splitting, by name (`flowDiagram`, `elk`, ...). */
const MERMAID_CHUNK = /node_modules\/mermaid\/dist\/chunks\/mermaid\.core\/([A-Za-z]+?)(?:-[A-Z0-9]{8})?\.mjs$/;

export function webviewPreloadManifest() {
  return {
    name: 'webview-preload-manifest',
    setup(build) {
      build.onEnd((result) => {
        const outputs = result.metafile?.outputs;
        if (!outputs || result.errors.length) return;
        const outdir = build.initialOptions.outdir;
        const closure = (output) => {
          const seen = new Set();
          const visit = (file) => {
            if (seen.has(file) || !outputs[file]) return;
            seen.add(file);
            for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') visit(imported.path);
          };
          visit(output);
          return [...seen].map((file) => path.relative(outdir, file).split(path.sep).join('/'));
        };
        const manifest = { mermaid: [], chunks: {} };
        for (const [file, output] of Object.entries(outputs)) {
          if (!file.endsWith('.js')) continue;
          const sources = [output.entryPoint, ...Object.keys(output.inputs)].filter(Boolean);
          if (sources.some((source) => MERMAID_ENTRY.test(source)) && output.entryPoint) manifest.mermaid = closure(file);
          const named = output.entryPoint && MERMAID_CHUNK.exec(output.entryPoint);
          if (named && /Diagram|^elk$|^dagre$/.test(named[1])) manifest.chunks[named[1]] = closure(file);
        }
        writeFileSync(path.join(outdir, 'preload.json'), `${JSON.stringify(manifest, null, 1)}\n`);
        if (manifest.chunks.elk) hintEagerCompile(path.join(outdir, manifest.chunks.elk[0]));
      });
    },
  };
}

const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Asks V8 to compile all of `file` while it loads, off the page's main thread (an explicit
 * compile hint, Chromium 136 and later; older engines read a comment). Mermaid's first flowchart
 * runs much of ELK's 1.5 MB, which V8 would otherwise compile function by function on the main
 * thread. Measured on the reference in code-server: Mermaid's first render 441-627 ms in twelve
 * launches of thirteen (889 ms once) instead of 576-932 ms. Only ELK: hinting every chunk of the
 * first render was no faster (it compiles much that never runs). Written into the built file,
 * whose source map then starts one line lower.
 */
function hintEagerCompile(file) {
  const text = readFileSync(file, 'utf8');
  if (text.startsWith(EAGER_COMPILE_HINT)) return;
  writeFileSync(file, `${EAGER_COMPILE_HINT}\n${text}`);
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  map.mappings = `;${map.mappings}`;
  writeFileSync(mapFile, JSON.stringify(map));
}
