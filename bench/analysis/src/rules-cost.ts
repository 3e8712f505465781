// The rules pass alone: what `check` spends after the interpreter, on the events of a ~5,000-line
// Python training script (the keystroke bench's file) and of a ~5,000-line TF.js file. The events are
// obtained once; every repetition then runs each rule of the registry over a RuleContext built the way
// the rules pass (rules/run.ts) builds it (a fresh context per rule, reports filtered to the file and
// de-duplicated). Each repetition gets a fresh copy of the event array, as every check gets a new
// list from the interpreter, so per-list caches (the by-type index) are paid for in every pass.
//
//   node bench/analysis/rules-cost.mjs [--reps 400] [--lines 5000] [--warmup 50] [--json OUT]
import { writeFileSync } from 'node:fs';
import * as ts from 'typescript';
import { createAnalysisWorkspace } from '../../../server/src/analysis/index';
import { createTypeScriptFrontEnd } from '../../../server/src/parse/typescript/index';
import type { AnalysisEvent } from '../../../server/src/analysis/engine/events';
import type { Rule } from '../../../server/src/rules/api';
import { runRules } from '../../../server/src/rules/run';
import type { Finding } from '../../../server/src/findings';
import type { Inspection } from '../../../server/src/analysis/workspace';
import { rules } from '../../../server/src/rules/registry';
import { memoryHost, workspace } from './setup';
import { fmt, stats, type Stats } from './keystrokes';
import { countLines, trainingFile } from './training-code';
import { tsTrainingFile } from './ts-training-code';

interface Options {
  reps: number;
  lines: number;
  warmup: number;
  json?: string;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { reps: 400, lines: 5000, warmup: 50 };
  for (let i = 0; i < argv.length; i += 2) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--reps':
        o.reps = Number(v);
        break;
      case '--lines':
        o.lines = Number(v);
        break;
      case '--warmup':
        o.warmup = Number(v);
        break;
      case '--json':
        o.json = v;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return o;
}

/** One rules pass as a check runs it; returns the findings so the work cannot be optimised away. */
function rulesPass(uri: string, events: AnalysisEvent[], textOf: (u: string) => string | undefined, only?: Rule): Finding[] {
  return runRules(uri, events, textOf, only ? [only] : undefined);
}

interface FileResult {
  label: string;
  lines: number;
  events: number;
  eventTypes: Record<string, number>;
  findings: number;
  total: Stats;
  perRuleUs: Record<string, number>;
}

function measure(label: string, uri: string, text: string, ins: Inspection, o: Options): FileResult {
  const events = ins.events;
  const eventTypes: Record<string, number> = {};
  for (const e of events) eventTypes[e.type] = (eventTypes[e.type] ?? 0) + 1;
  let sink = 0;
  // Whole pass, a fresh event array per repetition (copied outside the timed region).
  const total: number[] = [];
  for (let i = 0; i < o.warmup + o.reps; i++) {
    const list = events.slice();
    const a = performance.now();
    sink += rulesPass(uri, list, ins.textOf).length;
    const ms = performance.now() - a;
    if (i >= o.warmup) total.push(ms);
  }
  // Each rule alone, also over a fresh array each time: its own share including any per-list index it builds.
  const perRuleUs: Record<string, number> = {};
  for (const rule of rules) {
    const samples: number[] = [];
    for (let i = 0; i < o.warmup + o.reps; i++) {
      const list = events.slice();
      const a = performance.now();
      sink += rulesPass(uri, list, ins.textOf, rule).length;
      if (i >= o.warmup) samples.push(performance.now() - a);
    }
    perRuleUs[rule.meta.id] = stats(samples).p50 * 1000;
  }
  const findings = rulesPass(uri, events, ins.textOf).length;
  if (findings !== ins.findings.length) throw new Error(`${label}: the bench's pass found ${findings}, check found ${ins.findings.length}`);
  if (sink < 0) console.log(sink);
  return { label, lines: countLines(text), events: events.length, eventTypes, findings, total: stats(total), perRuleUs };
}

function report(r: FileResult): void {
  console.log(
    `${r.label}: ${r.lines} lines, ${r.events} events (${Object.entries(r.eventTypes)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), ${r.findings} findings`,
  );
  console.log(`  rules pass (all ${rules.length} rules): ${fmt(r.total)}`);
  const per = Object.entries(r.perRuleUs).sort((a, b) => b[1] - a[1]);
  console.log(
    `  each rule alone (including any per-list index it is first to build), p50 µs: ${per.map(([id, us]) => `${id} ${us.toFixed(1)}`).join(', ')}`,
  );
}

async function pythonFile(o: Options): Promise<FileResult> {
  const uri = 'file:///bench/train.py';
  const text = trainingFile(o.lines);
  const ws = await workspace(memoryHost(new Map([[uri, text]])), ['file:///bench']);
  ws.update(uri, text, 'python');
  await ws.resolveImports(uri);
  return measure('python (trainingFile)', uri, text, ws.inspect(uri), o);
}

async function typeScriptFile(o: Options): Promise<FileResult> {
  const uri = 'file:///bench/train.ts';
  const text = tsTrainingFile(o.lines);
  const fe = createTypeScriptFrontEnd(ts);
  const ws = createAnalysisWorkspace({ runRules, host: memoryHost(new Map()), roots: ['file:///bench'], frontEnd: () => fe });
  ws.update(uri, text, 'typescript');
  await ws.resolveImports(uri);
  return measure('typescript (TF.js)', uri, text, ws.inspect(uri), o);
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  console.log(`rules pass alone: ${o.reps} repetitions after ${o.warmup} warm-up, node ${process.version}`);
  const py = await pythonFile(o);
  report(py);
  const tsr = await typeScriptFile(o);
  report(tsr);
  if (o.json)
    writeFileSync(
      o.json,
      JSON.stringify({ date: new Date().toISOString(), node: process.version, options: o, python: py, typescript: tsr }, null, 2),
    );
}

main().catch(e => {
  console.error(e);
  process.exit(2);
});
