// `losslens` / `node dist/cli.js` (docs/ARCHITECTURE.md "Contracts").
import { readFileSync } from 'node:fs';
import { ruleMetas } from '../rules/registry';
import { packageVersion } from '../node/version';
import { parseArgs, UsageError, USAGE } from './args';
import { runCheck, type CliIo } from './check';
import { runFix } from './fix';
import { parseFixArgs } from './fix-args';
import { formatRules } from './rules-command';

async function main(argv: string[]): Promise<number> {
  let cmd;
  try {
    cmd = argv[0] === 'fix' ? parseFixArgs(argv.slice(1)) : parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`error: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  switch (cmd.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`losslens ${packageVersion()}\n`);
      return 0;
    case 'rules':
      process.stdout.write(formatRules(ruleMetas, cmd.format));
      return 0;
    case 'fix':
      return runFix(cmd, cliIo());
    case 'check':
      return runCheck(cmd, cliIo());
  }
}

function cliIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: s => process.stdout.write(s),
    stderr: s => process.stderr.write(s),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
    version: packageVersion(),
    bundleDir: __dirname,
    workers: Number(process.env.LOSSLENS_WORKERS) || 0,
    stderrTTY: process.stderr.isTTY === true && process.env.TERM !== 'dumb',
    // Tests set it to 0 to see the line on a run of any length.
    progressDelayMs: process.env.LOSSLENS_PROGRESS_DELAY_MS ? Number(process.env.LOSSLENS_PROGRESS_DELAY_MS) : undefined,
    readStdin: () => readFileSync(0, 'utf8'),
  };
}

main(process.argv.slice(2)).then(
  code => {
    // Let stdout drain before exiting (large JSON/SARIF reports through a pipe).
    process.exitCode = code;
  },
  e => {
    process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
