// `losslens fix [--unsafe] [--diff] PATH...` arguments (usage errors are exit code 2).
import { UsageError } from './args';

export interface FixCommand {
  kind: 'fix';
  unsafe: boolean;
  diff: boolean;
  paths: string[];
}

/** Parses the arguments after `fix`. */
export function parseFixArgs(args: readonly string[]): FixCommand | { kind: 'help' } {
  const cmd: FixCommand = { kind: 'fix', unsafe: false, diff: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      cmd.paths.push(...args.slice(i + 1));
      break;
    }
    if (a === '--help' || a === '-h') return { kind: 'help' };
    if (a === '--unsafe') cmd.unsafe = true;
    else if (a === '--diff') cmd.diff = true;
    else if (a.startsWith('--unsafe=') || a.startsWith('--diff='))
      throw new UsageError(`option '${a.slice(0, a.indexOf('='))}' takes no value`);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}' for fix`);
    else cmd.paths.push(a);
  }
  if (cmd.paths.length === 0) cmd.paths.push('.');
  return cmd;
}
