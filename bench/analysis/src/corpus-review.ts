// Every finding of every rule on the corpus, through the workspace API directly (all .py files,
// without the CLI's ML-framework pre-check, so it is a superset of what `losslens check` reports),
// before configuration. Prints one JSON record per finding, with the source line, for review.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fsHost, workspace } from './setup';

interface Row {
  file: string;
  line: number;
  column: number;
  code: string;
  name: string;
  severity: string;
  message: string;
  source: string;
}

/** CPU time of this process (user + system), in ms: robust against other work on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function listPy(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) listPy(p, out);
    else if (name.endsWith('.py')) out.push(p);
  }
  return out;
}

async function main(): Promise<void> {
  const corpus = resolve(process.argv[2] ?? 'bench/corpus');
  const outFile = process.argv[3];
  const rootUri = pathToFileURL(corpus).href.replace(/\/+$/, '');
  const ws = await workspace(fsHost, [rootUri]);
  const rows: Row[] = [];
  const files = listPy(corpus);
  const t0 = performance.now();
  const c0 = cpuMs();
  let failures = 0;
  const phase = { update: 0, imports: 0, check: 0 };
  const slowMs = Number(process.env.SLOW_MS ?? 1000);
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const uri = pathToFileURL(path).href;
    const t1 = cpuMs();
    try {
      ws.update(uri, text, 'python');
      const t2 = cpuMs();
      await ws.resolveImports(uri);
      const t3 = cpuMs();
      const found = ws.check(uri);
      const t4 = cpuMs();
      phase.update += t2 - t1;
      phase.imports += t3 - t2;
      phase.check += t4 - t3;
      for (const f of found) {
        const before = text.slice(0, f.span.start);
        const line = before.split('\n').length;
        const column = f.span.start - before.lastIndexOf('\n');
        const lineText = text.split('\n')[line - 1] ?? '';
        rows.push({
          file: relative(corpus, path),
          line,
          column,
          code: f.code,
          name: f.name,
          severity: f.severity,
          message: f.message,
          source: lineText.trim(),
        });
      }
      const ms = cpuMs() - t1;
      if (ms > slowMs) console.error(`slow: ${relative(corpus, path)} ${ms.toFixed(0)} ms CPU`);
    } catch (e) {
      failures++;
      console.error(`${relative(corpus, path)}: ${(e as Error).stack ?? e}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = (cpuMs() - c0) / 1000;
  console.error(
    `CPU seconds by phase: update ${(phase.update / 1000).toFixed(1)}, resolveImports ${(phase.imports / 1000).toFixed(1)}, check ${(phase.check / 1000).toFixed(1)}`,
  );
  const mem = process.memoryUsage();
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  console.error(
    `memory at the end: rss ${mb(mem.rss)}, heapUsed ${mb(mem.heapUsed)}, external ${mb(mem.external)}, arrayBuffers ${mb(mem.arrayBuffers)}`,
  );
  console.error(
    `${files.length} files, ${rows.length} findings, ${failures} failures, wall ${seconds.toFixed(1)} s, CPU ${cpuSeconds.toFixed(1)} s`,
  );
  const json = JSON.stringify(rows, null, 2);
  if (outFile) writeFileSync(outFile, json);
  else process.stdout.write(json + '\n');
}

main().catch(e => {
  console.error(e);
  process.exit(2);
});
