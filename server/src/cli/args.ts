// Command-line parsing for `losslens` (docs/ARCHITECTURE.md "Contracts"). Usage errors are exit code 2.
import { knownRuleIds } from '../config/rule-ids';
import { parseSelector, type SelectorLayer } from '../config/rule-selection';

/** `text` (the default) is `concise`: one line per finding and a summary. */
export type Format = 'text' | 'concise' | 'full' | 'json' | 'json-lines' | 'sarif' | 'github' | 'gitlab' | 'junit';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface CheckCommand {
  kind: 'check';
  format: Format;
  failOn: FailOn;
  cache: boolean;
  paths: string[];
  /** Options below are present only when given. */
  cacheDir?: string;
  selection?: SelectorLayer;
  outputFile?: string;
  statistics?: boolean;
  exitZero?: boolean;
  showFixes?: boolean;
  quiet?: boolean;
  stdinFilename?: string;
  /** `--shard K/N`: this job checks the K-th (1-based) of N parts of the files. */
  shard?: { index: number; count: number };
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'rules'; format: 'text' | 'json' } | CheckCommand;

export class UsageError extends Error {}

export const USAGE = `LossLens: catches loss-function mistakes in PyTorch, Keras/TensorFlow and TensorFlow.js code.

Usage:
  losslens check [OPTIONS] PATH...
  losslens fix [--unsafe] [--diff] PATH...
  losslens rules [--format text|json]
  losslens --version
  losslens --help

check    Analyse files and folders (each folder is a workspace root for imports;
         .gitignore, virtual environments, node_modules and hidden folders are skipped).
         Exit code: 0 clean, 1 findings at or above --fail-on (default: warning),
         2 usage, configuration or I/O error.
fix      Apply the safe fixes (with --unsafe also those that change values, see each
         rule's "Fix safety"), repeating until nothing fixable is left; files are
         replaced atomically. --diff prints a unified diff instead and writes nothing.
         Exit code: 0 no finding left at warning or above, 1 findings remain (with
         --diff also when fixes would apply), 2 usage or I/O error.
rules    List the rules: id, name, default severity, summary.

check options:
  --output-format FORMAT   concise (default; also 'text'), full (with the source line),
                           json, json-lines, sarif, github (workflow commands),
                           gitlab (Code Quality report), junit. --format is an alias.
  -o, --output-file FILE   Write the report to FILE instead of standard output.
  --fail-on LEVEL          error|warning|info|never: findings at or above LEVEL exit 1.
  --exit-zero              Exit 0 even when findings are reported (errors still exit 2).
  --select RULES           Only these rules (ids, prefixes such as LL0 or LL02, or ALL;
                           comma-separated, repeatable). Overrides the project's select.
  --extend-select RULES    These rules in addition to the selected ones.
  --ignore RULES           Never these rules. --extend-ignore is the same, kept apart
                           for parity with the configuration file.
  --statistics             Count findings per rule (and how many are fixable) instead
                           of listing them.
  --show-fixes             Under each fixable finding, the fix and its safety.
  -q, --quiet              Findings only: no summary line, no progress, no warnings.
  --stdin-filename NAME    Check the text on standard input as the file NAME (its
                           configuration and imports are looked up from NAME's folder).
  --shard K/N              Check only the K-th of N deterministic parts of the files
                           (imports still resolve against the whole tree).
  --cache-dir DIR          Where the findings cache lives (default: .losslens-cache in
                           the working directory).
  --no-cache               Read and write no cache.
`;

const FORMATS: readonly Format[] = ['concise', 'full', 'json', 'json-lines', 'sarif', 'github', 'gitlab', 'junit', 'text'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const FLAGS = new Set(['--no-cache', '--statistics', '--exit-zero', '--show-fixes', '--quiet', '-q']);
const VALUE_OPTIONS = new Set([
  '--format',
  '--output-format',
  '--fail-on',
  '--select',
  '--extend-select',
  '--ignore',
  '--extend-ignore',
  '--output-file',
  '-o',
  '--stdin-filename',
  '--cache-dir',
  '--shard',
]);
const SELECTOR_OPTIONS = ['--select', '--extend-select', '--ignore', '--extend-ignore'] as const;

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) throw new UsageError('missing command');
  const first = args[0];
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (first === '--version' || first === '-V') return { kind: 'version' };
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
  args.shift();

  const opts = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a === '--help' || a === '-h') return { kind: 'help' };
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (FLAGS.has(name)) {
      if (eq > 0) throw new UsageError(`option '${name}' takes no value`);
      opts.set(name === '-q' ? '--quiet' : name, true);
    } else if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('-'))) throw new UsageError(`option '${name}' needs a value`);
      const key = name === '-o' ? '--output-file' : name === '--output-format' ? '--format' : name;
      if ((SELECTOR_OPTIONS as readonly string[]).includes(key)) lists.set(key, [...(lists.get(key) ?? []), value]);
      else opts.set(key, value);
    } else {
      throw new UsageError(`unknown option '${a}'`);
    }
  }

  const format = opts.get('--format') as string | undefined;
  if (first === 'rules') {
    if (positional.length) throw new UsageError(`'rules' takes no arguments`);
    if (opts.size > (format === undefined ? 0 : 1) || lists.size) throw new UsageError(`'rules' only accepts --format`);
    if (format !== undefined && format !== 'text' && format !== 'json')
      throw new UsageError(`invalid --format '${format}' for rules (text|json)`);
    return { kind: 'rules', format: (format ?? 'text') as 'text' | 'json' };
  }
  if (first === 'check') {
    if (format !== undefined && !FORMATS.includes(format as Format))
      throw new UsageError(`invalid --format '${format}' (expected ${FORMATS.join('|')})`);
    const failOn = opts.get('--fail-on');
    if (failOn !== undefined && !FAIL_ON.includes(failOn as FailOn))
      throw new UsageError(`invalid --fail-on '${failOn}' (expected ${FAIL_ON.join('|')})`);
    const cmd: CheckCommand = {
      kind: 'check',
      format: (format ?? 'text') as Format,
      failOn: (failOn ?? 'warning') as FailOn,
      cache: !opts.has('--no-cache'),
      paths: positional.length ? positional : ['.'],
    };
    if (lists.size) cmd.selection = selectorLayer(lists);
    const str = (k: string) => opts.get(k) as string | undefined;
    if (str('--cache-dir') !== undefined) cmd.cacheDir = str('--cache-dir');
    if (str('--output-file') !== undefined) cmd.outputFile = str('--output-file');
    if (str('--stdin-filename') !== undefined) {
      if (positional.length) throw new UsageError(`--stdin-filename reads standard input: give no PATH`);
      cmd.stdinFilename = str('--stdin-filename');
    }
    if (str('--shard') !== undefined) cmd.shard = parseShard(str('--shard')!);
    if (opts.has('--statistics')) cmd.statistics = true;
    if (opts.has('--exit-zero')) cmd.exitZero = true;
    if (opts.has('--show-fixes')) cmd.showFixes = true;
    if (opts.has('--quiet')) cmd.quiet = true;
    return cmd;
  }
  throw new UsageError(`unknown command '${first}'`);
}

function selectorLayer(lists: Map<string, string[]>): SelectorLayer {
  const known = knownRuleIds();
  const parse = (option: string): string[] | undefined => {
    const values = lists.get(option);
    if (!values) return undefined;
    const out: string[] = [];
    for (const raw of values.flatMap(v => v.split(',')).filter(v => v.trim() !== '')) {
      const parsed = parseSelector(raw, known, `in ${option}`);
      if ('problem' in parsed) throw new UsageError(parsed.problem);
      out.push(parsed.selector);
    }
    return out;
  };
  const layer: SelectorLayer = {};
  const select = parse('--select');
  const extendSelect = parse('--extend-select');
  const ignore = parse('--ignore');
  const extendIgnore = parse('--extend-ignore');
  if (select) layer.select = select;
  if (extendSelect) layer.extendSelect = extendSelect;
  if (ignore) layer.ignore = ignore;
  if (extendIgnore) layer.extendIgnore = extendIgnore;
  return layer;
}

function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`invalid --shard '${value}' (expected K/N with 1 <= K <= N)`);
  return { index, count };
}
