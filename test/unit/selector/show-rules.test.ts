// "Show Rules": the server's `losslens/rules` answer (every rule, its severity for a file, who decided
// it) and the client's rewrite of the `losslens.rules` setting when rules are checked or unchecked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRules, type RulesSources } from '../../../server/src/lsp/rules-request';
import { ruleMetas } from '../../../server/src/rules/registry';
import { defaultSettings } from '../../../server/src/config/settings';
import type { ProjectConfig } from '../../../server/src/config/project-config';
import { toggledRulesSetting } from '../../../client/src/common/commands/rules-setting';
import type { RuleInfo } from '../../../shared/src/protocol';

function sources(rules: Record<string, string>, project: Partial<ProjectConfig> | null): RulesSources {
  return {
    settings: async () => ({ ...defaultSettings(), rules: rules as never }),
    project: async () =>
      project ? { uri: 'file:///p/pyproject.toml', dir: 'file:///p', exclude: [], severity: {}, problems: [], ...project } : null,
  };
}

test('without a file every rule is listed at its default severity', async () => {
  const rules = await describeRules(sources({}, null), undefined);
  assert.equal(rules.length, ruleMetas.length);
  assert.ok(rules.length >= 22);
  for (const r of rules) {
    assert.match(r.id, /^LL\d{3}$/);
    assert.ok(r.name && r.summary, r.id);
    assert.equal(r.severity, r.defaultSeverity);
    assert.equal(r.enabled, true);
    assert.equal(r.configuredBy, 'default');
    assert.match(r.docsUrl, new RegExp(r.id));
  }
  assert.equal(rules.find(r => r.id === 'LL001')?.name, 'double-softmax');
});

test('settings and project files decide, the project winning', async () => {
  const rules = await describeRules(
    sources({ LL014: 'off', LL003: 'error', LL007: 'off' }, { ignore: ['LL003'], severity: { LL007: 'info' } }),
    { uri: 'file:///p/train.py' },
  );
  const by = (id: string) => rules.find(r => r.id === id)!;
  assert.deepEqual([by('LL014').severity, by('LL014').enabled, by('LL014').configuredBy], ['off', false, 'settings']);
  assert.deepEqual(
    [by('LL003').severity, by('LL003').configuredBy, by('LL003').projectFile],
    ['off', 'project', 'file:///p/pyproject.toml'],
  );
  assert.deepEqual([by('LL007').severity, by('LL007').enabled, by('LL007').configuredBy], ['info', true, 'project']);
  assert.deepEqual([by('LL001').severity, by('LL001').configuredBy], ['error', 'default']);
});

const info = (id: string, enabled: boolean, configuredBy: RuleInfo['configuredBy'] = 'default'): RuleInfo => ({
  id,
  name: id,
  summary: '',
  defaultSeverity: 'warning',
  severity: enabled ? 'warning' : 'off',
  enabled,
  configuredBy,
  docsUrl: '',
});

test('unchecking a rule writes off; checking it again removes the off', () => {
  const rules = [info('LL001', true), info('LL002', false, 'settings'), info('LL003', true)];
  const next = toggledRulesSetting({ LL002: 'off', LL009: 'hint' }, {}, rules, new Set(['LL002', 'LL003']));
  assert.deepEqual(next, { LL001: 'off', LL009: 'hint' });
});

test('checking a rule turned off at a lower settings level writes its default severity', () => {
  const next = toggledRulesSetting({}, { LL002: 'off' }, [info('LL002', false, 'settings')], new Set(['LL002']));
  assert.deepEqual(next, { LL002: 'warning' });
});

test('a rule a project file turns off is left to the project file', () => {
  const next = toggledRulesSetting({}, {}, [info('LL005', false, 'project')], new Set(['LL005']));
  assert.deepEqual(next, {});
});
