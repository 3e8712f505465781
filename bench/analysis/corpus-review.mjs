// Every finding on the corpus through the workspace API (bench/analysis/src/corpus-review.ts),
// for docs/rules/CORPUS-REVIEW.md. Run from the repository root:
//   node bench/analysis/corpus-review.mjs [CORPUS_DIR=bench/corpus] [OUT.json]
import { runTs } from './run-ts.mjs';

process.exit(await runTs('corpus-review', process.argv.slice(2)));
