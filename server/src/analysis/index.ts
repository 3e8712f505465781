// The analysis workspace: parsed files, import resolution between them, and `check` = interpreter + the
// rules pass the entry point injects (the analysis imports no rule).
import type { Module, Span, Stmt } from '../ir';
import type { ContentChange, FrontEnd, LanguageId } from '../parse/frontend';
import { frontEndLanguage } from '../parse/frontend';
import type { Finding } from '../findings';
import type { AnalysisWorkspace, Inspection, WorkspaceOptions } from './workspace';
import { Interpreter, type ModuleLoader } from './engine/interpreter';
import type { RunRecord } from './engine/units';
import type { AnalysisEvent } from './engine/events';
import { eventUri, viaOf, type ViaSite } from './engine/state';
import { uriDirname } from '../base/uri';
import { lineOfOffset, lineStarts } from '../base/line-index';
import { importCandidates } from './import-candidates';
import { relativeSpecifiers } from './tfjs-gate';
import { scanPythonImports } from './relevance';

export type { AnalysisWorkspace, WorkspaceOptions, Inspection, RulePass } from './workspace';
export type { Finding } from '../findings';

interface FileEntry {
  text: string;
  languageId: LanguageId;
  module?: Module;
  /** URIs this file imports (resolved to workspace files). */
  imports: Set<string>;
  /** The front end that parsed `module`, which holds its parse state. */
  fe?: FrontEnd;
  /** `imports` were resolved for this `module` (only kept when the files cannot change, see `snapshot`). */
  resolved?: Module;
}

/**
 * Callers of a file the language server checks for its `callerFindings`, nearest first: each is a
 * check of its own, so a file imported by hundreds (a shared layers package) is not re-checked on
 * every keystroke by all of them. One-shot runs check every caller.
 */
export const MAX_CALLERS = 24;

/** `own` and the findings of `extra` at a place (rule, span) `own` does not report, in source order. */
export function mergeFindings(own: readonly Finding[], extra: readonly Finding[]): Finding[] {
  if (extra.length === 0) return [...own];
  const seen = new Set(own.map(findingKey));
  const out = [...own];
  for (const f of extra) {
    const k = findingKey(f);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}

function findingKey(f: Finding): string {
  return `${f.code}:${f.span.start}:${f.span.end}`;
}

export function createAnalysisWorkspace(options: WorkspaceOptions): AnalysisWorkspace {
  return new Workspace(options);
}

class Workspace implements AnalysisWorkspace {
  private readonly files = new Map<string, FileEntry>();
  private readonly missing = new Set<string>();
  /**
   * The last inspection per file, valid while no file changes: diagnostics and the hover that follows
   * them (and code actions) share one analysis instead of running it again.
   */
  private readonly inspections = new Map<string, { generation: number; result: Inspection }>();
  private generation = 0;
  /** What the last check of each recently checked file needs to re-run only the units an edit touched. */
  private readonly runRecords = new Map<string, RunRecord>();
  private readonly candidateLists = new Map<string, string[]>();
  /** TS/JS files kept unparsed because the TypeScript front end declined to load for them (no TF.js in sight). */
  private readonly unparsed = new Set<string>();
  /** Each scanned file's import targets (every candidate of every import), found without parsing, with the text scanned. */
  private readonly scans = new Map<string, { text: string; targets: Set<string> }>();
  /** `Inspection.foreign` of the files checked as callers, valid for a generation (a snapshot: for good). */
  private readonly foreignCache = new Map<string, { generation: number; foreign: Map<string, Finding[]> }>();
  /** The host's listing of the roots (a snapshot lists once). */
  private listing: string[] | undefined;
  /** Callers found by the last `resolveCallers` of each file, nearest first. */
  private readonly callersOf = new Map<string, string[]>();

  constructor(private readonly options: WorkspaceOptions) {}

  update(uri: string, text: string, languageId: LanguageId, changes?: readonly ContentChange[]): void {
    const prev = this.files.get(uri);
    this.missing.delete(uri);
    const language = frontEndLanguage(languageId);
    const fe = this.options.frontEnd(language, text);
    const module = fe?.parse(uri, text, prev?.module && prev.fe === fe ? changes : undefined);
    this.files.set(uri, { text, languageId, module, fe: module ? fe : undefined, imports: prev?.imports ?? new Set() });
    this.generation++;
    if (module || language !== 'typescript') this.unparsed.delete(uri);
    else this.unparsed.add(uri);
    if (fe && language === 'typescript') this.parseDeferred(fe);
  }

  remove(uri: string): void {
    // A file changed or gone on disk: its imports are scanned again, and a new file is listed.
    this.scans.delete(uri);
    if (!this.options.snapshot) this.listing = undefined;
    const f = this.files.get(uri);
    if (!f) return;
    f.fe?.forget(uri);
    this.files.delete(uri);
    // Importers that resolved their imports once (snapshot) must look for it again.
    if (this.options.snapshot) for (const other of this.files.values()) other.resolved = undefined;
    this.runRecords.delete(uri);
    this.generation++;
    this.unparsed.delete(uri);
  }

  /** Once the TypeScript front end is loaded (by a file that uses TF.js), the files deferred earlier are parsed too. */
  private parseDeferred(fe: FrontEnd): void {
    for (const uri of this.unparsed) {
      const f = this.files.get(uri);
      if (f && !f.module) {
        f.module = fe.parse(uri, f.text);
        this.generation++;
        f.fe = fe;
      }
    }
    this.unparsed.clear();
  }

  /** Asks again for the front end of a deferred file (another file may have loaded it since). */
  private retryDeferred(uri: string): void {
    const f = this.files.get(uri);
    if (!f || f.module || !this.unparsed.has(uri)) return;
    const fe = this.options.frontEnd('typescript', f.text);
    if (fe) this.parseDeferred(fe);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  async resolveImports(uri: string, seen?: Set<string>): Promise<void> {
    // A file missing at the last resolution may exist now: each top-level resolution probes again
    // (hosts cache directory listings, so this stays cheap).
    if (!seen) {
      if (!this.options.snapshot) this.missing.clear();
      seen = new Set();
    }
    if (seen.has(uri)) return;
    const top = seen.size === 0;
    seen.add(uri);
    const deferred = this.files.get(uri);
    if (deferred && !deferred.module && this.unparsed.has(uri) && top) {
      // TS/JS that does not mention TF.js: it may still use it through the workspace files it imports
      // (`import { buildModel } from './model'`). Reading them (one level) loads the parser when one does.
      for (const spec of relativeSpecifiers(deferred.text)) await this.load(this.candidates(uri, deferred.languageId, spec, 0, []));
      this.retryDeferred(uri);
    }
    const f = this.files.get(uri);
    if (!f?.module) return;
    // Files that cannot change (a one-shot run) resolve their imports once, whoever asks again.
    if (this.options.snapshot) {
      if (f.resolved === f.module) return;
      f.resolved = f.module;
    }
    const imports = new Set<string>();
    for (const imp of collectImports(f.module.body)) {
      const found = await this.load(this.candidates(uri, f.languageId, imp.module, imp.level, imp.names));
      for (const u of found) imports.add(u);
    }
    f.imports = imports;
    for (const u of imports) await this.resolveImports(u, seen);
  }

  check(uri: string): Finding[] {
    return this.inspect(uri).findings;
  }

  inspect(uri: string): Inspection {
    const cached = this.inspections.get(uri);
    if (cached && cached.generation === this.generation) return cached.result;
    const result = this.inspectNow(uri);
    // A handful is enough for the open editors; a whole-repository CLI run must not keep every analysis.
    if (!this.options.snapshot) keepRecent(this.inspections, uri, { generation: this.generation, result });
    return result;
  }

  /** `keep`: the check keeps its record for the next, incremental, check of the file (not for callers checked for another file). */
  private inspectNow(uri: string, keep = true): Inspection {
    this.retryDeferred(uri);
    const f = this.files.get(uri);
    if (!f?.module) return { findings: [], events: [], text: f?.text ?? '', module: f?.module, textOf: () => undefined };
    const loader: ModuleLoader = {
      resolve: (fromUri, module, level) => {
        const from = this.files.get(fromUri);
        if (!from) return undefined;
        for (const c of this.candidates(fromUri, from.languageId, module, level, [])) {
          const e = this.files.get(c);
          if (e?.module && c !== fromUri) return { uri: c, module: e.module, text: e.text };
        }
        return undefined;
      },
    };
    const incremental = this.options.incremental !== false && keep;
    let interp = new Interpreter(loader);
    const previous = incremental ? this.runRecords.get(uri) : undefined;
    let record = interp.run(uri, f.module, f.text, previous, { record: incremental });
    if (!record.reusable && interp.stats.fullReason === undefined) {
      // A unit that ran again changed a value it did not create, which the units kept from the previous
      // check did not see: only a check from scratch gives the right answer.
      interp = new Interpreter(loader);
      record = interp.run(uri, f.module, f.text, undefined);
      interp.stats.fullReason = 'a unit that ran again changed shared values';
    }
    if (incremental) keepRecent(this.runRecords, uri, record);
    const textOf = (u: string) => interp.textOf(u) ?? this.files.get(u)?.text;
    const findings = this.options.runRules(uri, interp.events, textOf);
    const foreign = this.foreignFindings(uri, interp.events, textOf);
    return { findings, events: interp.events, text: f.text, module: f.module, textOf, units: interp.stats, foreign };
  }

  /**
   * The findings the rules give in other files for the events this check raised there during a call
   * from `uri` (a finding must lie inside such an event: what the callee's own check sees is its own).
   */
  private foreignFindings(
    uri: string,
    events: readonly AnalysisEvent[],
    textOf: (u: string) => string | undefined,
  ): Map<string, Finding[]> {
    const places = new Map<string, { span: Span; via: ViaSite }[]>();
    for (const e of events) {
      // Losses, logs and compiles: what the caller's values change. An activation or a return in a callee
      // (a layer package's attention softmax) reads the same with any caller, and a file whose events
      // are all such costs no rules pass.
      if (e.type !== 'loss' && e.type !== 'loss-object' && e.type !== 'compile' && e.type !== 'log') continue;
      const via = viaOf(e);
      const target = via && eventUri(e);
      const span = via && eventSpan(e);
      if (!via || !span || target === undefined || target === uri) continue;
      const list = places.get(target);
      if (list) list.push({ span, via });
      else places.set(target, [{ span, via }]);
    }
    const out = new Map<string, Finding[]>();
    for (const [target, list] of places) {
      const found: Finding[] = [];
      for (const f of this.options.runRules(target, events, textOf)) {
        const p = list.find(p => p.span.start <= f.span.start && f.span.end <= p.span.end);
        if (p) found.push({ ...f, related: [...f.related, callPlace(p.via, textOf)] });
      }
      if (found.length) out.set(target, found);
    }
    return out;
  }

  async resolveCallers(uri: string): Promise<void> {
    const f = this.files.get(uri);
    if (!f) return;
    const python = f.languageId === 'python';
    const pool = new Set<string>();
    if (this.options.host.listFiles) {
      if (!this.listing) {
        const all: string[] = [];
        for (const r of this.options.roots) all.push(...(await this.options.host.listFiles(r)));
        this.listing = all;
      }
      for (const u of this.listing) pool.add(u);
    }
    for (const u of this.files.keys()) pool.add(u);
    const importers = new Map<string, string[]>();
    for (const c of pool) {
      if (c.endsWith('.py') !== python || c.endsWith('.ipynb')) continue;
      for (const t of await this.importTargets(c)) {
        const list = importers.get(t);
        if (list) list.push(c);
        else importers.set(t, [c]);
      }
    }
    // Breadth first from `uri`: the nearest callers first (a re-exporting package sits in between).
    const found: string[] = [];
    const seen = new Set([uri]);
    for (let level = [uri]; level.length > 0;) {
      const next: string[] = [];
      for (const t of level)
        for (const c of importers.get(t) ?? [])
          if (!seen.has(c)) {
            seen.add(c);
            next.push(c);
          }
      next.sort();
      found.push(...next);
      level = next;
    }
    const callers = this.options.snapshot ? found : found.slice(0, MAX_CALLERS);
    this.callersOf.set(uri, callers);
    for (const c of callers) {
      if (!this.files.has(c)) await this.load([c]);
      await this.resolveImports(c);
    }
  }

  /** Every URI an import of `uri` may name (an over-approximation: only used to find the files worth loading). */
  private async importTargets(uri: string): Promise<Set<string>> {
    const text = this.files.get(uri)?.text ?? this.scans.get(uri)?.text ?? (await this.readQuietly(uri));
    if (text === undefined) return new Set();
    const cached = this.scans.get(uri);
    if (cached && cached.text === text) return cached.targets;
    const python = uri.endsWith('.py');
    const imports = python
      ? scanPythonImports(text)
      : relativeSpecifiers(text).map(module => ({ module, level: 0, names: [] as string[] }));
    const targets = new Set<string>();
    for (const i of imports)
      for (const c of this.candidates(uri, python ? 'python' : 'typescript', i.module, i.level, i.names)) targets.add(c);
    this.scans.set(uri, { text, targets });
    return targets;
  }

  private async readQuietly(uri: string): Promise<string | undefined> {
    try {
      return await this.options.host.readFile(uri);
    } catch {
      return undefined;
    }
  }

  callerFindings(uri: string): Finding[] {
    const importers = new Set(this.dependents(uri));
    const known = this.callersOf.get(uri);
    const callers = (known ? known.filter(c => importers.has(c)) : [...importers].sort()).slice(
      0,
      this.options.snapshot ? undefined : MAX_CALLERS,
    );
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const c of [...callers].sort()) {
      for (const f of this.foreignOf(c).get(uri) ?? []) {
        const k = findingKey(f);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(f);
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  }

  private foreignOf(caller: string): Map<string, Finding[]> {
    const cached = this.foreignCache.get(caller);
    if (cached && (this.options.snapshot || cached.generation === this.generation)) return cached.foreign;
    const kept = this.inspections.get(caller);
    const foreign = (kept?.generation === this.generation ? kept.result : this.inspectNow(caller, false)).foreign ?? new Map();
    if (!this.options.snapshot && this.foreignCache.size >= 4 * MAX_CALLERS) this.foreignCache.clear();
    this.foreignCache.set(caller, { generation: this.generation, foreign });
    return foreign;
  }

  dependents(uri: string): string[] {
    const out = new Set<string>();
    const visit = (u: string) => {
      for (const [other, f] of this.files)
        if (f.imports.has(u) && !out.has(other)) {
          out.add(other);
          visit(other);
        }
    };
    visit(uri);
    out.delete(uri);
    return [...out];
  }

  importClosure(uri: string): string[] {
    const out = new Set<string>();
    const todo = [uri];
    for (let u = todo.pop(); u !== undefined; u = todo.pop()) {
      for (const i of this.files.get(u)?.imports ?? [])
        if (i !== uri && !out.has(i)) {
          out.add(i);
          todo.push(i);
        }
    }
    return [...out];
  }

  /** URIs an import may name, most likely first (the same import from the same folder gives the same list). */
  private candidates(fromUri: string, languageId: LanguageId, module: string, level: number, names: string[]): string[] {
    const key = `${uriDirname(fromUri)}\n${languageId === 'python' ? 'py' : 'js'}\n${module}\n${level}\n${names.join(',')}`;
    let list = this.candidateLists.get(key);
    if (!list) {
      if (this.candidateLists.size >= 4096) this.candidateLists.clear();
      this.candidateLists.set(key, (list = importCandidates(fromUri, languageId, module, level, names, this.options.roots)));
    }
    return list;
  }

  private async load(cands: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const c of cands) {
      if (this.files.has(c)) {
        found.push(c);
        if (!c.endsWith('__init__.py')) break;
        continue;
      }
      if (this.missing.has(c)) continue;
      let text: string | undefined;
      try {
        text = await this.options.host.readFile(c);
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        this.missing.add(c);
        continue;
      }
      const lang: LanguageId = c.endsWith('.py')
        ? 'python'
        : /\.tsx$/.test(c)
          ? 'typescriptreact'
          : /\.ts$/.test(c)
            ? 'typescript'
            : 'javascript';
      this.update(c, text, lang);
      found.push(c);
      if (!c.endsWith('__init__.py')) break;
    }
    return found;
  }
}

/** Where an event is in its file (undefined: it has no place of its own). */
function eventSpan(e: AnalysisEvent): Span | undefined {
  switch (e.type) {
    case 'loss':
    case 'loss-object':
    case 'activation':
    case 'log':
    case 'compile':
      return e.site.expr.span;
    case 'return':
      return e.span;
    default:
      return undefined;
  }
}

/** The related place of a finding in a callee: the call that brought the caller's values ("called from main.py:7"). */
function callPlace(via: ViaSite, textOf: (u: string) => string | undefined): { uri: string; span: Span; message: string } {
  const text = textOf(via.uri);
  const name = decodeURIComponent(via.uri.slice(via.uri.lastIndexOf('/') + 1));
  const line = text === undefined ? undefined : lineOfOffset(lineStarts(text), via.span.start) + 1;
  return { uri: via.uri, span: via.span, message: `called from ${name}${line === undefined ? '' : `:${line}`} (${via.callee})` };
}

/** Sets `key` as the most recent entry of `map`, which keeps the last 8. */
function keepRecent<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= 8) map.delete(map.keys().next().value!);
  map.set(key, value);
}

function collectImports(
  body: Stmt[],
  out: { module: string; level: number; names: string[] }[] = [],
): { module: string; level: number; names: string[] }[] {
  for (const s of body) {
    switch (s.k) {
      case 'import':
        out.push({ module: s.module, level: 0, names: [] });
        break;
      case 'importFrom':
        out.push({ module: s.module, level: s.level, names: s.names.map(n => n.name) });
        break;
      case 'if':
      case 'loop':
        collectImports(s.body, out);
        collectImports(s.orelse, out);
        break;
      case 'block':
        collectImports(s.body, out);
        break;
      case 'func':
        collectImports(s.def.body, out);
        break;
      case 'class':
        collectImports(s.def.body, out);
        break;
      default:
        break;
    }
  }
  return out;
}
