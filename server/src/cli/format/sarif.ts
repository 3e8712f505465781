// SARIF 2.1.0 for GitHub code scanning: the rule catalogue in tool.driver, one result per finding,
// paths relative to the working directory (the checkout root in CI) through %SRCROOT%, and a
// partial fingerprint that survives edits above the finding (so code scanning keeps an alert open,
// or closed, across commits instead of opening a new one when lines move).
import { pathToFileURL } from 'node:url';
import type { OutputRecord } from '../output-record';
import type { RuleMeta } from '../../rules/rule';
import { sarifLevel } from '../../config/severity';
import { unusedSuppression } from '../../rules/registry';
import { ruleDocUrl } from '../../rules/docs';
import { relativeUnder } from '../paths';
import { fingerprints, type LineText } from './fingerprint';

/** The `partialFingerprints` key: what the value hashes and its version (SARIF §3.27.17). */
export const FINGERPRINT_KEY = 'lossLensLineHash/v1';

export interface SarifOptions {
  cwd: string;
  version: string;
  rules: readonly RuleMeta[];
  /** The text of the line a record starts on, for the fingerprint. */
  lineText: LineText;
}

export function formatSarif(records: readonly OutputRecord[], options: SarifOptions): string {
  const catalogue = [
    ...options.rules.map(m => ({ id: m.id, name: m.name, severity: m.severity, summary: m.summary, what: m.docs?.what })),
    {
      id: unusedSuppression.id,
      name: unusedSuppression.name,
      severity: unusedSuppression.severity,
      summary: unusedSuppression.summary,
      what: undefined,
    },
  ].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(catalogue.map((r, i) => [r.id, i]));
  const rules = catalogue.map(r => ({
    id: r.id,
    name: pascal(r.name),
    shortDescription: { text: r.summary },
    fullDescription: { text: r.what || r.summary },
    helpUri: ruleDocUrl(r.id),
    help: { text: `${r.summary} (${ruleDocUrl(r.id)})`, markdown: `${r.summary}\n\n[${r.id} ${r.name}](${ruleDocUrl(r.id)})` },
    defaultConfiguration: { level: sarifLevel(r.severity) },
    properties: { tags: ['machine-learning', 'loss-function'] },
  }));
  const srcRoot = pathToFileURL(options.cwd.endsWith('/') ? options.cwd : options.cwd + '/').href;
  const prints = fingerprints(records, options.cwd, options.lineText);
  const results = records.map((r, k) => {
    const rel = relativeUnder(r.file, options.cwd);
    const artifactLocation =
      rel !== undefined
        ? { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
        : { uri: pathToFileURL(r.file).href };
    const result: Record<string, unknown> = {
      ruleId: r.code,
      level: sarifLevel(r.severity),
      message: { text: r.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            // Notebooks: the place in the .ipynb JSON (what a SARIF viewer opens); the cell position goes in properties.
            region: r.fileRegion
              ? {
                  startLine: r.fileRegion.line,
                  startColumn: r.fileRegion.column,
                  endLine: r.fileRegion.endLine,
                  endColumn: r.fileRegion.endColumn,
                }
              : { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
          },
        },
      ],
    };
    const i = index.get(r.code);
    if (i !== undefined) result.ruleIndex = i;
    result.partialFingerprints = { [FINGERPRINT_KEY]: prints[k] };
    const properties: Record<string, unknown> = { severity: r.severity, name: r.name };
    if (r.cell !== undefined) {
      properties.cell = r.cell;
      properties.cellRegion = { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
    }
    if (r.fix) properties.fix = r.fix;
    result.properties = properties;
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'LossLens',
            semanticVersion: options.version,
            version: options.version,
            informationUri: 'https://github.com/losslens/losslens',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function pascal(kebab: string): string {
  return kebab
    .split('-')
    .map(w => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
