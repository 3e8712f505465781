// The `losslens.rules` setting after the user's picks in "Show Rules". No vscode import: unit-tested in Node.
import type { RuleInfo } from '../../../../shared/src/protocol';

/**
 * The new `losslens.rules` value at one settings level after the user's picks. A rule switched off gets
 * 'off'. A rule switched back on loses its 'off', or, when a lower level (`inherited`, e.g. the user
 * settings under the workspace's) would still turn it off, gets its default severity. Others are kept.
 */
export function toggledRulesSetting(
  current: Readonly<Record<string, string>>,
  inherited: Readonly<Record<string, string>>,
  rules: readonly RuleInfo[],
  enabledIds: ReadonlySet<string>,
): Record<string, string> {
  const next: Record<string, string> = { ...current };
  for (const r of rules) {
    const want = enabledIds.has(r.id);
    if (want === r.enabled) continue;
    if (!want) next[r.id] = 'off';
    else if (r.configuredBy === 'project')
      continue; // a project file decides; settings cannot override it
    else if (inherited[r.id] === 'off') next[r.id] = r.defaultSeverity;
    else delete next[r.id];
  }
  return next;
}
