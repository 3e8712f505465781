// Stands in for node:fs / path / module in the Web Worker bundle: web-tree-sitter only touches
// them on its Node code path, which never runs in a worker.
export {};
