// The units of one module's analysis, and what a unit's result depends on (docs/ARCHITECTURE.md,
// "Incremental check"). A check runs the module's top level, then analyses every function, lambda and class on its
// own: each of those is a unit. Units are made independent of one another (per-unit call budget and
// memo, class units work on copies of their instances, modules imported inside a unit are evaluated for
// it alone), so a unit's events depend only on the code it executed and the module-level names it
// read. After an edit, a unit whose code and names are unchanged keeps its events from the last check.
import type { ClassDef, Expr, FunctionDef, Language, Stmt } from '../../ir';
import { walkStmt, walkStmts } from '../../ir-walk';
import type { Scope } from './values';
import type { AnalysisEvent } from './events';

const NONE: ReadonlySet<never> = new Set();
const NO_RESOLUTIONS: readonly Resolution[] = [];

/** One import resolution: where it was asked from, for what, and the module it found. */
export interface Resolution {
  from: string;
  module: string;
  level: number;
  found: object | undefined;
}

/**
 * What running one unit (or one top-level statement) touched. Most top-level statements touch little,
 * so the sets are made on first use (a check tracks every top-level statement: fewer allocations).
 */
export class UnitTrack {
  private readSet: Set<string> | undefined;
  private writeSet: Set<string> | undefined;
  private rootSet: Set<Stmt> | undefined;
  /** The unit changed a value it did not create: later units may see the change, so nothing is cached. */
  foreign = false;
  private contribMap: Map<ClassDef, unknown[]> | undefined;
  private resolutionList: Resolution[] | undefined;

  /** `id`: owner id of the values the unit creates (see Interpreter.own). */
  constructor(readonly id: number) {}

  /** A module-level name of the checked file looked up, found or not. */
  read(name: string): void {
    (this.readSet ??= new Set()).add(name);
  }

  /** A module-level name of the checked file set (top-level statements only). */
  write(name: string): void {
    (this.writeSet ??= new Set()).add(name);
  }

  /** A top-level statement of the checked file whose code ran (function and class bodies included). */
  ran(root: Stmt): void {
    (this.rootSet ??= new Set()).add(root);
  }

  /** An import resolution made while it ran (checked again before what it did is reused). */
  resolved(r: Resolution): void {
    (this.resolutionList ??= []).push(r);
  }

  get resolutions(): readonly Resolution[] {
    return this.resolutionList ?? NO_RESOLUTIONS;
  }
  get reads(): ReadonlySet<string> {
    return this.readSet ?? NONE;
  }
  get writes(): ReadonlySet<string> {
    return this.writeSet ?? NONE;
  }
  get roots(): ReadonlySet<Stmt> {
    return this.rootSet ?? NONE;
  }

  /** Instances it created by real constructor calls, per class (read by the class units that follow). */
  get contrib(): Map<ClassDef, unknown[]> {
    return (this.contribMap ??= new Map());
  }

  get contributes(): boolean {
    return this.contribMap !== undefined && this.contribMap.size > 0;
  }
}

/** A unit as the last check left it. */
export interface UnitRecord {
  events: AnalysisEvent[];
  reads: ReadonlySet<string>;
  roots: ReadonlySet<Stmt>;
  foreign: boolean;
  contributedTo: ReadonlySet<ClassDef>;
  resolutions: readonly Resolution[];
}

/** A top-level statement as the last check left it. */
export interface TopLevelRecord {
  reads: ReadonlySet<string>;
  writes: ReadonlySet<string>;
  roots: ReadonlySet<Stmt>;
  /** It changed a value another statement created, or created instances the class units analyse. */
  sideEffects: boolean;
  resolutions: readonly Resolution[];
  events: AnalysisEvent[];
}

/** What the next check of the same file needs from this one. */
export interface RunRecord {
  uri: string;
  body: readonly Stmt[];
  bodySet: Set<Stmt>;
  defaultExport?: Expr;
  exports?: Map<string, string>;
  /** The top level's statements, and the default export / export aliases that run after them (TS/JS). */
  top: Map<Stmt, TopLevelRecord>;
  exportsTop: TopLevelRecord;
  /** The module scope after the top level, and the modules the top level evaluated (patched by the next check). */
  scope: Scope;
  modules: Map<string, Scope>;
  texts: Map<string, string>;
  languages: Map<string, Language>;
  /** Instances the top level created, per class, in order. */
  topContrib: { def: ClassDef; instances: unknown[] }[];
  /** By the unit's own statement (object identity survives edits elsewhere, see parse/*). */
  units: Map<Stmt, UnitRecord>;
  /** False when a unit changed shared values: the next check runs every unit. */
  reusable: boolean;
}

/** How a check went: how many units ran and how many were kept from the previous check. */
export interface RunStats {
  unitsRun: number;
  unitsKept: number;
  /** Why every unit ran, when one did (no previous check, a module-level change…). */
  fullReason?: string;
  /** Whether the top level ran again or the previous one was patched. */
  topLevel?: 'ran' | 'patched';
}

/** A standalone analysis of the module: a function, the lambdas of one assignment, or a class. */
export type Unit =
  | { kind: 'function'; stmt: Extract<Stmt, { k: 'func' }> }
  | { kind: 'lambdas'; stmt: Extract<Stmt, { k: 'assign' }>; lambdas: Extract<Expr, { k: 'lambda' }>[] }
  | { kind: 'class'; stmt: Extract<Stmt, { k: 'class' }> };

/** Units in the order they run: functions and lambdas first (their instances feed the classes), then classes. */
export function unitsOf(body: readonly Stmt[]): Unit[] {
  const out: Unit[] = [];
  collect(body, 'functions', out);
  collect(body, 'classes', out);
  return out;
}

function collect(body: readonly Stmt[], what: 'functions' | 'classes', out: Unit[]): void {
  // Definitions at the top level or nested in if/else, loops and blocks; not inside other definitions.
  walkStmts(body, {
    enterStmt(s) {
      if (s.k === 'func') {
        if (what === 'functions') out.push({ kind: 'function', stmt: s });
        return false;
      }
      if (s.k === 'class') {
        if (what === 'classes') out.push({ kind: 'class', stmt: s });
        return false;
      }
      if (s.k === 'assign') {
        // `const loss = (y, p) => …`, `loss = lambda p, y: …`, `const losses = { ce(y, p) { … } }`
        const lambdas =
          what !== 'functions'
            ? []
            : s.value.k === 'lambda'
              ? [s.value]
              : s.value.k === 'dict'
                ? s.value.entries.map(e => e.value).filter(v => v.k === 'lambda')
                : [];
        if (lambdas.length) out.push({ kind: 'lambdas', stmt: s, lambdas: lambdas as Extract<Expr, { k: 'lambda' }>[] });
        return false;
      }
      return s.k === 'if' || s.k === 'block' || s.k === 'loop';
    },
    enterExpr: () => false,
  });
}

/**
 * A top-level statement whose execution only binds a name (a function, a class, a lambda assigned to a
 * name): its name, or undefined for any other statement.
 */
export function definedName(s: Stmt): string | undefined {
  if (s.k === 'func' || s.k === 'class') return s.def.name;
  if (s.k === 'assign' && !s.aug && s.targets.length === 1 && s.targets[0].k === 'name' && s.value.k === 'lambda') return s.targets[0].id;
  return undefined;
}

/**
 * Maps every function and class definition inside `root` (nested ones and lambdas included) to `root`.
 * Statements already walked are skipped: unchanged statements keep their identity between parses.
 */
export function mapDefinitions(root: Stmt, roots: WeakMap<FunctionDef | ClassDef, Stmt>, walked: WeakSet<Stmt>): void {
  if (walked.has(root)) return;
  walked.add(root);
  walkStmt(root, {
    enterFunction(f) {
      roots.set(f, root);
    },
    enterClass(c) {
      roots.set(c, root);
    },
  });
}

export function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return false;
  return true;
}
