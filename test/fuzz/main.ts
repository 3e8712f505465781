// `npm run fuzz -- --budget 600 [--seed N] [--campaign source,lsp]`: the long run. Exit 1 on any
// invariant violation (each printed with its seed and saved input under out/fuzz-failures/).
import { runAll, summary } from './campaigns';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const budget = Number(arg('budget') ?? 60);
  const seed = Number(arg('seed') ?? Date.now() % 1_000_000);
  const only = arg('campaign')?.split(',');
  process.stdout.write(`fuzz: seed ${seed}, budget ${budget} s\n`);
  const stats = await runAll(seed, budget * 1000, only);
  process.stdout.write(summary(stats) + '\n');
  const violations = stats.reduce((n, s) => n + s.violations.length, 0);
  process.stdout.write(`violations: ${violations} (replay: --seed ${seed}${only ? ` --campaign ${only.join(',')}` : ''})\n`);
  process.exit(violations ? 1 : 0);
}

void main();
