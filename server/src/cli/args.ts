// Command-line parsing for `losslens` (docs/ARCHITECTURE.md "Contracts"). Usage errors are exit code 2.

export type Format = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'rules'; format: 'text' | 'json' }
  | { kind: 'check'; format: Format; failOn: FailOn; cache: boolean; paths: string[] };

export class UsageError extends Error {}

export const USAGE = `LossLens: catches loss-function mistakes in PyTorch, Keras/TensorFlow and TensorFlow.js code.

Usage:
  losslens check [--format text|json|sarif] [--fail-on error|warning|info|never] [--no-cache] PATH...
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
`;

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) throw new UsageError('missing command');
  const first = args[0];
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (first === '--version' || first === '-V') return { kind: 'version' };
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
  args.shift();

  const opts = new Map<string, string | true>();
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
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const takesValue = name === '--format' || name === '--fail-on';
    if (name === '--no-cache') {
      if (eq > 0) throw new UsageError(`option '--no-cache' takes no value`);
      opts.set(name, true);
    } else if (takesValue) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('-'))) throw new UsageError(`option '${name}' needs a value`);
      opts.set(name, value);
    } else {
      throw new UsageError(`unknown option '${a}'`);
    }
  }

  const format = opts.get('--format');
  if (first === 'rules') {
    if (positional.length) throw new UsageError(`'rules' takes no arguments`);
    if (opts.has('--fail-on') || opts.has('--no-cache')) throw new UsageError(`'rules' only accepts --format`);
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
    return {
      kind: 'check',
      format: (format ?? 'text') as Format,
      failOn: (failOn ?? 'warning') as FailOn,
      cache: !opts.has('--no-cache'),
      paths: positional.length ? positional : ['.'],
    };
  }
  throw new UsageError(`unknown command '${first}'`);
}
