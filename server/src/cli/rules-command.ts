// `losslens rules`: the catalogue from the registry.
import type { RuleMeta } from '../rules/rule';

export function formatRules(metas: readonly RuleMeta[], format: 'text' | 'json'): string {
  const sorted = [...metas].sort((a, b) => a.id.localeCompare(b.id));
  if (format === 'json') {
    return (
      JSON.stringify(
        sorted.map(m => ({
          id: m.id,
          name: m.name,
          severity: m.severity,
          frameworks: m.frameworks,
          summary: m.summary,
          fix: m.fix ?? null,
        })),
        null,
        2,
      ) + '\n'
    );
  }
  const nameWidth = Math.max(4, ...sorted.map(m => m.name.length));
  const lines = [`${'ID'.padEnd(6)}  ${'NAME'.padEnd(nameWidth)}  ${'SEVERITY'.padEnd(8)}  SUMMARY`];
  for (const m of sorted) lines.push(`${m.id.padEnd(6)}  ${m.name.padEnd(nameWidth)}  ${m.severity.padEnd(8)}  ${m.summary}`);
  return lines.join('\n') + '\n';
}
