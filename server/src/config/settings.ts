// The editor settings (`losslens.*`) as the server sees them, validated: a wrong value never
// stops the server, it is reported once and the default is used.
import type { SeveritySetting } from '../findings';
import { isSeveritySetting, SEVERITY_SETTINGS } from './severity';
import { RULE_ID_PATTERN } from './rule-ids';

export interface EditorSettings {
  enable: boolean;
  exclude: string[];
  rules: Record<string, SeveritySetting>;
  /** Files larger than this many bytes (UTF-16 code units of open documents) are skipped. */
  maxFileSize: number;
  /** `losslens.hover.plots`: loss previews with an image, with text sparklines, or none. */
  hoverPlots: HoverPlots;
}

export type HoverPlots = 'image' | 'text' | 'off';
export const HOVER_PLOTS: readonly HoverPlots[] = ['image', 'text', 'off'];

export const DEFAULT_MAX_FILE_SIZE = 2_000_000;

export function defaultSettings(): EditorSettings {
  return { enable: true, exclude: [], rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, hoverPlots: 'image' };
}

export interface SettingProblem {
  /** The full setting name, e.g. `losslens.rules.LL001`. */
  setting: string;
  message: string;
}

/** Validates the `losslens` section; unknown keys (e.g. `trace`) are the client's business and ignored. */
export function parseSettings(raw: unknown): { settings: EditorSettings; problems: SettingProblem[] } {
  const settings = defaultSettings();
  const problems: SettingProblem[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ setting: 'losslens', message: 'expected an object' });
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;

  if (r.enable !== undefined && r.enable !== null) {
    if (typeof r.enable === 'boolean') settings.enable = r.enable;
    else problems.push({ setting: 'losslens.enable', message: `expected true or false, got ${show(r.enable)}` });
  }

  if (r.exclude !== undefined && r.exclude !== null) {
    if (Array.isArray(r.exclude) && r.exclude.every(g => typeof g === 'string')) settings.exclude = r.exclude.filter(g => g.trim() !== '');
    else problems.push({ setting: 'losslens.exclude', message: `expected an array of glob strings, got ${show(r.exclude)}` });
  }

  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules !== 'object' || Array.isArray(r.rules)) {
      problems.push({ setting: 'losslens.rules', message: `expected an object of rule id → severity, got ${show(r.rules)}` });
    } else {
      for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
        const key = id.trim().toUpperCase();
        if (!RULE_ID_PATTERN.test(key)) {
          problems.push({ setting: `losslens.rules.${id}`, message: `'${id}' is not a rule id (LLnnn)` });
        } else if (!isSeveritySetting(sev)) {
          problems.push({ setting: `losslens.rules.${id}`, message: `expected one of ${SEVERITY_SETTINGS.join('|')}, got ${show(sev)}` });
        } else {
          settings.rules[key] = sev;
        }
      }
    }
  }

  if (r.maxFileSize !== undefined && r.maxFileSize !== null) {
    if (typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize > 0) settings.maxFileSize = r.maxFileSize;
    else problems.push({ setting: 'losslens.maxFileSize', message: `expected a positive number of bytes, got ${show(r.maxFileSize)}` });
  }

  // VS Code sends `hover: { plots }`; clients that pass flat keys send `hover.plots`.
  const hover = r.hover && typeof r.hover === 'object' && !Array.isArray(r.hover) ? (r.hover as Record<string, unknown>) : undefined;
  const plots = hover?.plots ?? r['hover.plots'];
  if (plots !== undefined && plots !== null) {
    if (typeof plots === 'string' && (HOVER_PLOTS as readonly string[]).includes(plots)) settings.hoverPlots = plots as HoverPlots;
    else problems.push({ setting: 'losslens.hover.plots', message: `expected one of ${HOVER_PLOTS.join('|')}, got ${show(plots)}` });
  }
  return { settings, problems };
}

function show(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    return String(v);
  }
}
