// The fuzz campaigns. Each runs seeded inputs until its deadline and checks the invariants of issue
// #21: exit code in {0,1,2} with a message, JSON output always valid, no run over 10 s per file (a
// hang is killed and reported), `fix` output parses and is stable on a second run, the server answers
// after every step. A violation carries the seed, the mutation and the input file, for replay.
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Rng } from './rng';
import { mutateSource, mutateNotebook, makeToml, makeGlob } from './mutators';

/** The repository: the nearest folder above this bundle with LossLens's package.json. */
export const REPO = findRepo(__dirname);

function findRepo(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    try {
      if ((JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { name?: string }).name === 'losslens') return d;
    } catch {
      // not here
    }
    if (dirname(d) === d) return process.cwd();
  }
}
const DIST = resolve(process.env.LOSSLENS_DIST ?? join(REPO, 'dist'));
export const PER_FILE_MS = 10_000;

export interface Violation {
  campaign: string;
  seed: number;
  kind: 'crash' | 'hang' | 'data-loss' | 'invalid-output' | 'deaf';
  detail: string;
  /** Where the failing input was saved. */
  input?: string;
}

export interface CampaignStats {
  name: string;
  inputs: number;
  crashes: number;
  hangs: number;
  dataLoss: number;
  violations: Violation[];
}

const failuresDir = join(REPO, 'out', 'fuzz-failures');

function save(campaign: string, seed: number, name: string, bytes: Buffer | string): string {
  mkdirSync(failuresDir, { recursive: true });
  const p = join(failuresDir, `${campaign}-${seed}-${name}`);
  writeFileSync(p, bytes);
  return p;
}

function seedFiles(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (exts.some(x => e.name.endsWith(x)) && !e.name.includes('expected')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const corpus = {
  source: () => [
    ...seedFiles(join(REPO, 'examples'), ['.py', '.ts']),
    ...seedFiles(join(REPO, 'test', 'fixtures', 'fixes'), ['.py', '.ts']),
  ],
  notebooks: () => seedFiles(join(REPO, 'test', 'fixtures', 'notebooks'), ['.ipynb']),
  fixable: () => seedFiles(join(REPO, 'test', 'fixtures', 'fixes'), ['.input.py']),
};

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function cli(args: string[], cwd: string, timeout: number): CliResult {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.error !== undefined || r.status === null };
}

/** The invariants of a `check --format json` run; the violation's words, or undefined. */
function checkInvariants(r: CliResult): { kind: Violation['kind']; detail: string } | undefined {
  if (r.timedOut) return { kind: 'hang', detail: 'no exit within the time limit' };
  if (r.status === null || ![0, 1, 2].includes(r.status))
    return { kind: 'crash', detail: `exit status ${r.status}: ${r.stderr.slice(0, 500)}` };
  if (/^\s+at .+:\d+:\d+\)?$/m.test(r.stderr) || /Uncaught|RangeError|TypeError|SyntaxError:/.test(r.stderr))
    return { kind: 'crash', detail: `stack trace on stderr: ${r.stderr.slice(0, 800)}` };
  if (r.status === 2 && r.stderr.trim() === '') return { kind: 'invalid-output', detail: 'exit 2 without a message' };
  try {
    JSON.parse(r.stdout);
  } catch {
    return { kind: 'invalid-output', detail: `stdout is not JSON: ${r.stdout.slice(0, 300)}` };
  }
  return undefined;
}

function newStats(name: string): CampaignStats {
  return { name, inputs: 0, crashes: 0, hangs: 0, dataLoss: 0, violations: [] };
}

function record(stats: CampaignStats, v: Violation): void {
  stats.violations.push(v);
  if (v.kind === 'crash' || v.kind === 'invalid-output' || v.kind === 'deaf') stats.crashes++;
  else if (v.kind === 'hang') stats.hangs++;
  else stats.dataLoss++;
  process.stderr.write(`fuzz violation [${v.campaign}] seed ${v.seed} ${v.kind}: ${v.detail}${v.input ? `\n  input: ${v.input}` : ''}\n`);
}

/** Mutated files checked a batch at a time; a failing batch is re-run file by file to find the input. */
function fileCampaign(
  name: string,
  seeds: () => string[],
  mutate: (rng: Rng, b: Buffer) => { bytes: Buffer; how: string },
  ext: (seedFile: string) => string,
) {
  return (baseSeed: number, deadline: number): CampaignStats => {
    const stats = newStats(name);
    const files = seeds();
    for (let round = 0; Date.now() < deadline; round++) {
      const seed = baseSeed + round;
      const rng = new Rng(seed);
      const dir = mkdtempSync(join(tmpdir(), `losslens-fuzz-${name}-`));
      const made: { path: string; how: string; bytes: Buffer }[] = [];
      for (let i = 0; i < 8; i++) {
        const from = rng.pick(files);
        const { bytes, how } = mutate(rng, readFileSync(from));
        const path = join(dir, `m${i}${ext(from)}`);
        writeFileSync(path, bytes);
        made.push({ path, how: `${basename(from)}:${how}`, bytes });
      }
      stats.inputs += made.length;
      const bad = checkInvariants(cli(['check', '--format', 'json', '--no-cache', '.'], dir, PER_FILE_MS * made.length));
      if (bad) {
        let found = false;
        for (const m of made) {
          const one = checkInvariants(cli(['check', '--format', 'json', '--no-cache', basename(m.path)], dir, PER_FILE_MS));
          if (one) {
            found = true;
            record(stats, {
              campaign: name,
              seed,
              ...one,
              detail: `${m.how}: ${one.detail}`,
              input: save(name, seed, basename(m.path), m.bytes),
            });
          }
        }
        if (!found) record(stats, { campaign: name, seed, ...bad, detail: `whole batch only: ${bad.detail}` });
      }
      rmSync(dir, { recursive: true, force: true });
    }
    return stats;
  };
}

export const checkSources = fileCampaign('source', corpus.source, mutateSource, f => (f.endsWith('.ts') ? '.ts' : '.py'));
export const checkNotebooks = fileCampaign('notebook', corpus.notebooks, mutateNotebook, () => '.ipynb');

const TRAIN = 'import torch.nn.functional as F\n\ndef step(x, y):\n    p = F.softmax(x, dim=1)\n    return F.cross_entropy(p, y)\n';

/** Hostile configurations and exclude globs beside a file with a finding. */
export function checkConfigs(baseSeed: number, deadline: number): CampaignStats {
  const stats = newStats('config');
  for (let round = 0; Date.now() < deadline; round++) {
    const seed = baseSeed + round;
    const rng = new Rng(seed);
    const dir = mkdtempSync(join(tmpdir(), 'losslens-fuzz-config-'));
    mkdirSync(join(dir, 'pkg', 'a'.repeat(1 + rng.int(200)), 'b'.repeat(1 + rng.int(50))), { recursive: true });
    writeFileSync(join(dir, 'train.py'), TRAIN);
    writeFileSync(join(dir, 'pkg', 'a'.repeat(3) + 'x'.repeat(rng.int(200)) + '.py'), TRAIN);
    let how: string;
    let toml: string;
    if (rng.next() < 0.5) {
      ({ text: toml, how } = makeToml(rng));
    } else {
      const globs = [makeGlob(rng), makeGlob(rng)];
      toml = `exclude = ${JSON.stringify(globs)}\n`;
      how = `globs:${JSON.stringify(globs).slice(0, 200)}`;
    }
    const inPyproject = rng.next() < 0.3;
    writeFileSync(join(dir, inPyproject ? 'pyproject.toml' : 'losslens.toml'), inPyproject ? `[tool.losslens]\n${toml}` : toml);
    stats.inputs++;
    const bad = checkInvariants(cli(['check', '--format', 'json', '--no-cache', '.'], dir, PER_FILE_MS * 2));
    if (bad)
      record(stats, {
        campaign: 'config',
        seed,
        ...bad,
        detail: `${how}: ${bad.detail}`,
        input: save('config', seed, 'losslens.toml', toml),
      });
    rmSync(dir, { recursive: true, force: true });
  }
  return stats;
}

/** Python files that compile() accepts (what py_compile checks, without writing bytecode), of those given (one interpreter for all). */
function compiles(paths: string[]): Set<string> {
  const code =
    'import sys\nfor p in sys.argv[1:]:\n    try:\n        compile(open(p, "rb").read(), p, "exec")\n        print(p)\n    except Exception:\n        pass\n';
  const r = spawnSync('python3', ['-c', code, ...paths], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new Error('python3 is needed for the fix campaign');
  return new Set(r.stdout.split('\n').filter(Boolean));
}

/** `fix --unsafe` on mutants that compile: the result compiles, and a second fix changes nothing. */
export function fixSources(baseSeed: number, deadline: number): CampaignStats {
  const stats = newStats('fix');
  const files = corpus.fixable();
  for (let round = 0; Date.now() < deadline; round++) {
    const seed = baseSeed + round;
    const rng = new Rng(seed);
    const dir = mkdtempSync(join(tmpdir(), 'losslens-fuzz-fix-'));
    const made = new Map<string, { how: string; bytes: Buffer }>();
    for (let i = 0; i < 8; i++) {
      const from = rng.pick(files);
      // Line-level mutations mostly keep a file parseable: those are the ones fix may touch.
      const { bytes, how } = rng.next() < 0.7 ? { bytes: readFileSync(from), how: 'seed' } : mutateSource(rng, readFileSync(from));
      const path = join(dir, `m${i}.py`);
      writeFileSync(path, bytes);
      made.set(path, { how: `${basename(from)}:${how}`, bytes });
    }
    const ok = compiles([...made.keys()]);
    for (const p of made.keys()) if (!ok.has(p)) rmSync(p);
    if (ok.size === 0) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    stats.inputs += ok.size;
    const first = cli(['fix', '--unsafe', '.'], dir, PER_FILE_MS * ok.size);
    const bad = checkInvariants({ ...first, stdout: '{}' });
    if (bad) record(stats, { campaign: 'fix', seed, ...bad, detail: bad.detail });
    const after = compiles([...ok]);
    const fixed = new Map([...ok].map(p => [p, readFileSync(p)]));
    for (const p of ok) {
      if (!after.has(p)) {
        const m = made.get(p)!;
        record(stats, {
          campaign: 'fix',
          seed,
          kind: 'data-loss',
          detail: `${m.how}: fix output does not compile`,
          input: save('fix', seed, basename(p), m.bytes),
        });
      }
    }
    cli(['fix', '--unsafe', '.'], dir, PER_FILE_MS * ok.size);
    for (const p of ok) {
      if (!readFileSync(p).equals(fixed.get(p)!)) {
        const m = made.get(p)!;
        record(stats, {
          campaign: 'fix',
          seed,
          kind: 'data-loss',
          detail: `${m.how}: a second fix changed the file again`,
          input: save('fix', seed, basename(p), m.bytes),
        });
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return stats;
}

// ---- LSP ---------------------------------------------------------------------------------------

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** A raw stdio server: JSON-RPC written by hand, answers collected by id. */
class RawServer {
  private readonly proc = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: 'pipe' });
  private buf = Buffer.alloc(0);
  private readonly answers = new Map<number, unknown>();
  private nextId = 1;
  readonly exited: Promise<number | null>;

  constructor() {
    this.exited = new Promise(r => this.proc.on('exit', c => r(c)));
    this.proc.stdout.on('data', (d: Buffer) => this.take(d));
    this.proc.stderr.on('data', () => undefined);
    this.proc.stdin.on('error', () => undefined);
  }

  private take(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString('ascii'));
      const len = m ? Number(m[1]) : 0;
      if (this.buf.length < end + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(end + 4, end + 4 + len).toString('utf8')) as {
        id?: number;
        method?: string;
        result?: unknown;
      };
      this.buf = this.buf.subarray(end + 4 + len);
      if (msg.method && msg.id !== undefined)
        this.write({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [{}] : null });
      else if (msg.id !== undefined) this.answers.set(msg.id, msg);
    }
  }

  write(msg: unknown): void {
    this.raw(frame(JSON.stringify(msg)));
  }

  raw(s: string): void {
    this.proc.stdin.write(s);
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The answer, or undefined when none comes within `ms`. */
  async request(method: string, params: unknown, ms = PER_FILE_MS): Promise<{ result?: unknown; error?: unknown } | undefined> {
    const id = this.nextId++;
    this.write({ jsonrpc: '2.0', id, method, params });
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (this.answers.has(id)) return this.answers.get(id) as { result?: unknown };
      await new Promise(r => setTimeout(r, 20));
    }
    return undefined;
  }

  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }
}

const LSP_TEXT = 'import torch.nn.functional as F\n\ndef step(x, y):\n    p = F.softmax(x, dim=1)\n    return F.cross_entropy(p, y)\n';

function randomPosition(rng: Rng): { line: number; character: number } {
  return rng.next() < 0.8
    ? { line: rng.int(8), character: rng.int(40) }
    : { line: rng.pick([-1, 1e9, 2 ** 31]), character: rng.pick([-5, 1e9, 0.5]) };
}

function diagnosticsKey(r: { result?: unknown } | undefined): string {
  const items = ((r?.result as { items?: { code?: unknown; range?: unknown; message?: string }[] })?.items ?? []).map(d => [
    d.code,
    d.range,
    d.message,
  ]);
  return JSON.stringify(items);
}

/** Edits, malformed messages and bursts against one server; it answers after each step, and a burst's result equals a fresh open. */
export async function lspTraffic(baseSeed: number, deadline: number): Promise<CampaignStats> {
  const stats = newStats('lsp');
  for (let round = 0; Date.now() < deadline; round++) {
    const seed = baseSeed + round;
    const rng = new Rng(seed);
    const server = new RawServer();
    const log: string[] = [];
    const fail = (kind: Violation['kind'], detail: string) =>
      record(stats, { campaign: 'lsp', seed, kind, detail, input: save('lsp', seed, 'steps.json', JSON.stringify(log, null, 1)) });
    try {
      const init = await server.request('initialize', {
        processId: null,
        rootUri: null,
        capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
      });
      if (!init) {
        fail('deaf', 'no answer to initialize');
        continue;
      }
      server.notify('initialized', {});
      const uri = `file:///fuzz/doc${seed}.py`;
      let text = LSP_TEXT;
      let version = 1;
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
      for (let step = 0; step < 30 && Date.now() < deadline; step++) {
        const op = rng.pick(['edit', 'edit', 'edit', 'fullReplace', 'outOfRange', 'malformed', 'unknownDoc', 'hover', 'burst']);
        log.push(op);
        stats.inputs++;
        if (op === 'edit' || op === 'burst') {
          for (let i = 0, n = op === 'burst' ? 20 + rng.int(80) : 1; i < n; i++) {
            const { bytes } = mutateSource(rng, Buffer.from(text));
            text = bytes.toString('utf8').slice(0, 20_000);
            server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
          }
        } else if (op === 'fullReplace') {
          text = LSP_TEXT;
          server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
        } else if (op === 'outOfRange') {
          const change = {
            range: { start: randomPosition(rng), end: randomPosition(rng) },
            text: rng.pick(['', 'x', '\n', 'F.softmax(x)']),
          };
          log.push(JSON.stringify(change));
          server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
          // The server's text is now whatever the range arithmetic gave: resynchronise.
          server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
        } else if (op === 'malformed') {
          const bad = rng.pick([
            '{"jsonrpc":"2.0","id":"x","method":5}',
            '{"jsonrpc":"2.0","method":"textDocument/didChange","params":null}',
            '{"jsonrpc":"2.0","id":99999,"method":"textDocument/hover","params":{"textDocument":{}}}',
            '{"jsonrpc":"1.0"}',
            '[]',
            '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fuzz/x.py"}}}',
            '{"jsonrpc":"2.0","id":77777,"method":"textDocument/codeAction","params":{"textDocument":{"uri":5},"range":null,"context":{}}}',
          ]);
          log.push(bad);
          server.raw(frame(bad));
        } else if (op === 'unknownDoc') {
          server.notify('textDocument/didChange', {
            textDocument: { uri: 'file:///fuzz/never-opened.py', version: 1 },
            contentChanges: [{ text: 'x' }],
          });
          server.notify('textDocument/didClose', { textDocument: { uri: 'file:///fuzz/never-opened.py' } });
        } else if (op === 'hover') {
          await server.request('textDocument/hover', { textDocument: { uri }, position: randomPosition(rng) });
        }
        const answer = await server.request('textDocument/diagnostic', { textDocument: { uri } });
        if (!answer) {
          fail('deaf', `no answer after step ${step} (${op})`);
          break;
        }
        if (op === 'burst') {
          const fresh = `file:///fuzz/fresh${seed}-${step}.py`;
          server.notify('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'python', version: 1, text } });
          const a = diagnosticsKey(answer);
          const b = diagnosticsKey(await server.request('textDocument/diagnostic', { textDocument: { uri: fresh } }));
          server.notify('textDocument/didClose', { textDocument: { uri: fresh } });
          if (a !== b)
            fail('invalid-output', `after a burst: ${a} but a fresh open gives ${b}; text ${JSON.stringify(text.slice(0, 300))}`);
        }
      }
    } finally {
      server.kill();
    }
  }
  // Framing errors: the server must exit (non-zero) so the client restarts it.
  const framing = [
    'Content-Length: -1\r\n\r\n{}',
    'Content-Length: 5\n\n{"a":1}',
    'Content-Type: x\r\n\r\n{}',
    'Content-Length: 1000000000000\r\n\r\n{',
    'Content-Length: 3\r\n\r\n{"jsonrpc":"2.0"}',
  ];
  for (const bytes of framing) {
    stats.inputs++;
    const s = new RawServer();
    s.raw(bytes);
    const code = await Promise.race([s.exited, new Promise<'alive'>(r => setTimeout(() => r('alive'), PER_FILE_MS))]);
    s.kill();
    if (code === 'alive' || code === 0)
      record(stats, { campaign: 'lsp', seed: baseSeed, kind: 'deaf', detail: `framing error ${JSON.stringify(bytes)}: ${code}` });
  }
  return stats;
}

export const CAMPAIGNS = {
  source: checkSources,
  notebook: checkNotebooks,
  config: checkConfigs,
  fix: fixSources,
  lsp: lspTraffic,
} as const;

/** Runs every campaign for its share of `budgetMs`; per-campaign stats. */
export async function runAll(seed: number, budgetMs: number, only?: string[]): Promise<CampaignStats[]> {
  const names = (Object.keys(CAMPAIGNS) as (keyof typeof CAMPAIGNS)[]).filter(n => !only?.length || only.includes(n));
  const share = budgetMs / names.length;
  const out: CampaignStats[] = [];
  for (const n of names) {
    const start = Date.now();
    out.push(await CAMPAIGNS[n](seed, start + share));
  }
  return out;
}

export function summary(stats: CampaignStats[]): string {
  return stats
    .map(s => `${s.name.padEnd(9)} inputs ${String(s.inputs).padStart(6)}  crashes ${s.crashes}  hangs ${s.hangs}  data-loss ${s.dataLoss}`)
    .join('\n');
}
