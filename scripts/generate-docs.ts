// `npm run docs`: writes docs/rules/*.md and the README rules table from the rule registry.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { allRuleMetas, ruleMetas } from '../server/src/rules/registry';
import { renderRuleDoc, renderRulesIndex, renderRulesTable, ruleDocPath, spliceReadme } from '../server/src/rules/docs';

mkdirSync('docs/rules', { recursive: true });
for (const m of allRuleMetas) writeFileSync(ruleDocPath(m.id), renderRuleDoc(m));
writeFileSync('docs/rules/README.md', renderRulesIndex(ruleMetas));
writeFileSync('README.md', spliceReadme(readFileSync('README.md', 'utf8'), renderRulesTable(ruleMetas)));
console.log(
  `wrote ${allRuleMetas.length} rule pages (${allRuleMetas[0].id}–${allRuleMetas[allRuleMetas.length - 1].id}) and the README table`,
);
