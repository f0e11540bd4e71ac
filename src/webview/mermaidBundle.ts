// Entry of dist/webview/mermaid.js: Mermaid on its own, split into chunks (scripts/build.mjs).
// The page's script imports it when a document has Mermaid blocks (see loadMermaid).
export { default } from 'mermaid';
