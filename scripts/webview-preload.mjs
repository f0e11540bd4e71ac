// esbuild plugin for the Mermaid bundle (scripts/build.mjs): writes dist/webview/preload.json,
// the chunks to preload for a first render, so that the preview's page can fetch and compile
// them in parallel (<link rel="modulepreload">) instead of one after the other as each dynamic
// import is reached: Mermaid's core, then a diagram type, then its layout (ELK for flowcharts in
// Mermaid 12, 1.5 MB).
//
//   { "mermaid": ["mermaid.js", "chunks/chunk-X.js", ...], "chunks": { "flowDiagram": [...], "elk": [...] } }
//
// Each list holds a chunk and the chunks it imports statically, relative to dist/webview.
import { writeFileSync } from 'node:fs';
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
      });
    },
  };
}
