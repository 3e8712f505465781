// `npm run docs`: writes docs/rules/*.md and the README rules table from the rule registry.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { ruleMetas } from '../server/src/rules/registry';
import { unusedSuppressionMeta } from '../server/src/rules/LL000-unused-suppression';
import { renderRuleDoc, renderRulesIndex, renderRulesTable, spliceReadme } from '../server/src/rules/docs';

mkdirSync('docs/rules', { recursive: true });
for (const m of [unusedSuppressionMeta, ...ruleMetas]) writeFileSync(`docs/rules/${m.id}.md`, renderRuleDoc(m));
writeFileSync('docs/rules/README.md', renderRulesIndex(ruleMetas));
writeFileSync('README.md', spliceReadme(readFileSync('README.md', 'utf8'), renderRulesTable(ruleMetas)));
console.log(`wrote ${ruleMetas.length + 1} rule pages (LL000–LL0${ruleMetas.length}) and the README table`);
