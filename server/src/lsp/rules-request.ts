// `losslens/rules` (client → server request): the rule catalogue with each rule's state for a file, so
// the client's "Show Rules" can list them and toggle them. The severity shown is the one diagnostics
// use: editor settings, then the project's pyproject.toml / losslens.toml (which wins).
import type { Connection } from 'vscode-languageserver';
import type { Severity, SeveritySetting } from '../findings';
import type { EditorSettings } from '../config/settings';
import { projectSelection, type ProjectConfig } from '../config/project-config';
import { effectiveSeverity } from '../config/rule-selection';
import { ruleMetas } from '../rules/registry';
import type { RuleMeta } from '../rules/rule';
import { ruleDocUrl } from '../rules/docs';
import { guarded, type Log } from './safety';

export const rulesRequest = 'losslens/rules';

export interface RulesParams {
  /** The file whose settings and project configuration apply; without it, the defaults. */
  uri?: string;
}

export interface RuleInfo {
  id: string;
  name: string;
  summary: string;
  /** The rule's own severity. */
  defaultSeverity: Severity;
  /** The severity it reports with for `uri` ('off' when it does not run). */
  severity: SeveritySetting;
  enabled: boolean;
  /** What decided `severity`: nothing, the `losslens.rules` setting, or a project file. */
  configuredBy: 'default' | 'settings' | 'project';
  /** The project file that decides, when `configuredBy` is 'project'. */
  projectFile?: string;
  fix?: { title: string; applicability: 'safe' | 'unsafe' };
  docsUrl: string;
}

export interface RulesSources {
  settings(uri: string): Promise<EditorSettings>;
  project(uri: string): Promise<ProjectConfig | null>;
}

/** The catalogue as seen from one file (pure apart from the two lookups; unit-testable). */
export async function describeRules(sources: RulesSources, params: RulesParams | undefined, metas: readonly RuleMeta[] = ruleMetas): Promise<RuleInfo[]> {
  const uri = params?.uri;
  const settings = uri ? await sources.settings(uri) : undefined;
  const project = uri ? await sources.project(uri) : null;
  const editorSeverity = settings?.rules ?? {};
  return metas.map(meta => {
    const withSettings = effectiveSeverity(meta.id, meta.severity, { editorSeverity });
    const severity = effectiveSeverity(meta.id, meta.severity, { editorSeverity, ...projectSelection(project) });
    const configuredBy = severity !== withSettings || (project && mentions(project, meta.id)) ? 'project' : editorSeverity[meta.id] !== undefined ? 'settings' : 'default';
    return {
      id: meta.id,
      name: meta.name,
      summary: meta.summary,
      defaultSeverity: meta.severity,
      severity,
      enabled: severity !== 'off',
      configuredBy,
      ...(configuredBy === 'project' && project ? { projectFile: project.uri } : {}),
      ...(meta.fix ? { fix: { title: meta.fix.title, applicability: meta.fix.applicability } } : {}),
      docsUrl: ruleDocUrl(meta.id),
    };
  });
}

function mentions(project: ProjectConfig, id: string): boolean {
  return Boolean(project.select?.includes(id) || project.ignore?.includes(id) || (project.severity && id in project.severity));
}

/** Registers the handler; `server.ts` calls this once. */
export function registerRulesRequest(connection: Connection, sources: RulesSources, log: Log): void {
  connection.onRequest(rulesRequest, (params: RulesParams | undefined) => guarded('rules', log, () => describeRules(sources, params), () => [] as RuleInfo[]));
}
