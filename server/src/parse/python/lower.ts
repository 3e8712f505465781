import type { Arg, ClassDef, DictEntry, Expr, FunctionDef, Module, Param, Span, Stmt, SyntaxProblem } from '../../ir';
import { FLAG_HAS_ERROR, FLAG_MISSING, reuseKey, type FlatTree } from './flatTree';
import { pythonNumberValue, pythonStringValue, stringPrefix } from './literals';
import { K, type KindTable } from './nodeKinds';
import { type LoweredEntry, type ReuseCache } from './reuse';
import { shiftExprInPlace, shiftStmtsInPlace } from './spanList';

/**
 * Deeper nesting than this (only in generated or hostile code: CPython itself stops near 200
 * nested parentheses) is cut off as `unknown`, so that neither this code nor the analyses that
 * walk the IR recursively can overflow the stack.
 */
const MAX_DEPTH = 800;

const EXPR_KINDS = new Set<K>([
  K.Identifier,
  K.Attribute,
  K.Call,
  K.Subscript,
  K.Integer,
  K.Float,
  K.String,
  K.ConcatenatedString,
  K.True,
  K.False,
  K.None,
  K.Ellipsis,
  K.Tuple,
  K.List,
  K.Set,
  K.Dictionary,
  K.ExpressionList,
  K.ParenthesizedExpression,
  K.BinaryOperator,
  K.BooleanOperator,
  K.ComparisonOperator,
  K.NotOperator,
  K.UnaryOperator,
  K.ConditionalExpression,
  K.Lambda,
  K.Await,
  K.NamedExpression,
  K.Yield,
  K.GeneratorExpression,
  K.ListComprehension,
  K.SetComprehension,
  K.DictionaryComprehension,
  K.ListSplat,
  K.DictionarySplat,
  K.ParenthesizedListSplat,
  K.Slice,
  K.KeywordArgument,
]);

const STMT_KINDS = new Set<K>([
  K.ExpressionStatement,
  K.ReturnStatement,
  K.IfStatement,
  K.ForStatement,
  K.WhileStatement,
  K.WithStatement,
  K.TryStatement,
  K.FunctionDefinition,
  K.ClassDefinition,
  K.DecoratedDefinition,
  K.ImportStatement,
  K.ImportFromStatement,
  K.FutureImportStatement,
  K.DeleteStatement,
  K.AssertStatement,
  K.RaiseStatement,
  K.PrintStatement,
  K.ExecStatement,
  K.MatchStatement,
  K.PassLike,
  K.BreakStatement,
  K.ContinueStatement,
  K.Block,
]);

const NONE: readonly number[] = [];

/** Lowers one flattened tree-sitter-python tree to the IR; `nextCache` receives the reusable parts. */
export function lowerModule(tree: FlatTree, table: KindTable, nextCache: ReuseCache | undefined): Module {
  return new Lowering(tree, table, nextCache).module();
}

class Lowering {
  private readonly text: string;
  private readonly kind: Uint8Array;
  private readonly sym: Uint16Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly first: Int32Array;
  private readonly next: Int32Array;
  private readonly flags: Uint8Array;
  private readonly named: Uint8Array;
  private readonly names: string[];
  private depth = 0;

  constructor(
    private readonly t: FlatTree,
    table: KindTable,
    private readonly nextCache: ReuseCache | undefined,
  ) {
    this.text = t.text;
    this.kind = t.kind;
    this.sym = t.sym;
    this.start = t.start;
    this.end = t.end;
    this.first = t.first;
    this.next = t.next;
    this.flags = t.flags;
    this.named = table.named;
    this.names = table.name;
  }

  module(): Module {
    const body: Stmt[] = [];
    if (this.t.size > 0) {
      if (this.kind[0] === K.Error) this.loose(0, body);
      else this.statements(0, body);
    }
    return { language: 'python', body, syntaxErrors: this.syntaxErrors() };
  }

  // ---- small helpers over the flat tree ----

  private span(i: number): Span {
    return { start: this.start[i], end: this.end[i] };
  }

  private source(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  private isToken(i: number, token: string): boolean {
    return this.named[this.sym[i]] === 0 && this.names[this.sym[i]] === token;
  }

  /** Named children, comments left out. */
  private kids(i: number): number[] {
    if (this.first[i] < 0) return NONE as number[];
    const out: number[] = [];
    for (let c = this.first[i]; c >= 0; c = this.next[c]) {
      if (this.named[this.sym[c]] === 1 && this.kind[c] !== K.Comment) out.push(c);
    }
    return out;
  }

  private kidOfKind(i: number, k: K): number {
    for (let c = this.first[i]; c >= 0; c = this.next[c]) if (this.kind[c] === k) return c;
    return -1;
  }

  /** The first named child after the anonymous token `token`, or -1. */
  private kidAfter(i: number, token: string): number {
    let seen = false;
    for (let c = this.first[i]; c >= 0; c = this.next[c]) {
      if (!seen) seen = this.isToken(c, token);
      else if (this.named[this.sym[c]] === 1 && this.kind[c] !== K.Comment) return c;
    }
    return -1;
  }

  /** The first anonymous child, e.g. the operator of a binary expression. */
  private firstToken(i: number): number {
    for (let c = this.first[i]; c >= 0; c = this.next[c]) {
      if (this.named[this.sym[c]] === 0) return c;
    }
    return -1;
  }

  private unknown(i: number, children: Expr[] = []): Expr {
    return { k: 'unknown', children, span: this.span(i) };
  }

  // ---- statements ----

  /** The statements inside a module, block or ERROR node. */
  private statements(i: number, out: Stmt[]): void {
    for (let c = this.first[i]; c >= 0; c = this.next[c]) {
      if (this.named[this.sym[c]] === 0) continue;
      const hit = this.t.reused[c] as LoweredEntry | undefined;
      if (hit !== undefined) {
        const stmts = hit.stmts;
        shiftStmtsInPlace(stmts, this.start[c] - this.t.reusedAt[c]);
        this.keep(c, hit.kind, 'statement', stmts);
        for (const s of stmts) out.push(s);
        continue;
      }
      const before = out.length;
      this.stmt(c, out);
      if (this.t.reusable[c] === 1) this.keep(c, this.kind[c], 'statement', out.slice(before));
    }
  }

  private block(i: number): Stmt[] {
    if (i < 0) return [];
    const hit = this.t.reused[i] as LoweredEntry | undefined;
    if (hit !== undefined) {
      const stmts = hit.stmts;
      shiftStmtsInPlace(stmts, this.start[i] - this.t.reusedAt[i]);
      this.keep(i, hit.kind, 'block', stmts);
      return stmts;
    }
    const body: Stmt[] = [];
    if (this.depth > MAX_DEPTH) return body;
    this.depth++;
    this.statements(i, body);
    this.depth--;
    this.keep(i, K.Block, 'block', body);
    return body;
  }

  /** Offers a lowered subtree for reuse by the next incremental parse (keyed relative to the chunk, which may move). */
  private keep(i: number, kind: K, role: LoweredEntry['role'], stmts: Stmt[]): void {
    if (this.nextCache === undefined || this.t.reusable[i] === 0 || (this.flags[i] & (FLAG_HAS_ERROR | FLAG_MISSING)) !== 0) return;
    const start = this.start[i] - this.t.base;
    this.nextCache.set(reuseKey(start, kind), { role, kind, start, text: this.source(i), stmts });
  }

  private stmt(i: number, out: Stmt[]): void {
    switch (this.kind[i] as K) {
      case K.ExpressionStatement:
        return this.expressionStatement(i, out);
      case K.ReturnStatement: {
        const value = this.kids(i)[0];
        out.push({ k: 'return', value: value === undefined ? null : this.expr(value), span: this.span(i) });
        return;
      }
      case K.IfStatement:
        out.push(this.ifStatement(i));
        return;
      case K.ForStatement:
        out.push(this.forStatement(i));
        return;
      case K.WhileStatement:
        out.push(this.whileStatement(i));
        return;
      case K.WithStatement:
        out.push(this.withStatement(i));
        return;
      case K.TryStatement:
        out.push(this.tryStatement(i));
        return;
      case K.FunctionDefinition:
        out.push(this.functionStatement(i, [], i));
        return;
      case K.ClassDefinition:
        out.push(this.classStatement(i, [], i));
        return;
      case K.DecoratedDefinition:
        return this.decorated(i, out);
      case K.ImportStatement:
        return this.importStatement(i, out);
      case K.ImportFromStatement:
      case K.FutureImportStatement:
        out.push(this.importFrom(i));
        return;
      case K.DeleteStatement:
      case K.AssertStatement:
      case K.RaiseStatement:
      case K.PrintStatement:
      case K.ExecStatement: {
        // Kept as expression statements so calls inside stay visible.
        const kids = this.kids(i);
        for (const c of kids) out.push({ k: 'expr', expr: this.expr(c), span: this.span(c) });
        // `raise …` and `assert False` end the path (branch joins leave it out).
        if (this.kind[i] === K.RaiseStatement || (this.kind[i] === K.AssertStatement && kids.length > 0 && this.kind[kids[0]] === K.False))
          out.push({ k: 'jump', kind: 'raise', span: this.span(i) });
        return;
      }
      case K.BreakStatement:
        out.push({ k: 'jump', kind: 'break', span: this.span(i) });
        return;
      case K.ContinueStatement:
        out.push({ k: 'jump', kind: 'continue', span: this.span(i) });
        return;
      case K.MatchStatement:
        out.push(this.matchStatement(i));
        return;
      case K.Block:
        append(out, this.block(i));
        return;
      case K.Error:
        return this.loose(i, out);
      case K.PassLike:
      case K.Comment:
        return;
      default:
        // Error recovery can leave a bare expression where a statement was expected.
        if (EXPR_KINDS.has(this.kind[i])) out.push({ k: 'expr', expr: this.expr(i), span: this.span(i) });
        else this.loose(i, out);
    }
  }

  /** What survives of a node that did not parse: its statements and expressions, in order. */
  private loose(i: number, out: Stmt[]): void {
    if (this.depth > MAX_DEPTH) return;
    this.depth++;
    for (const c of this.kids(i)) {
      const k = this.kind[c];
      if (STMT_KINDS.has(k)) this.stmt(c, out);
      else if (EXPR_KINDS.has(k)) out.push({ k: 'expr', expr: this.expr(c), span: this.span(c) });
      else if ((this.flags[c] & FLAG_MISSING) === 0) this.loose(c, out);
    }
    this.depth--;
  }

  private expressionStatement(i: number, out: Stmt[]): void {
    const kids = this.kids(i);
    if (kids.length !== 1) {
      if (kids.length > 1)
        out.push({ k: 'expr', expr: { k: 'tuple', elts: kids.map(c => this.exprOrReused(c)), span: this.span(i) }, span: this.span(i) });
      return;
    }
    const c = kids[0];
    const hit = this.t.reused[c] as LoweredEntry | undefined;
    if (hit !== undefined) {
      const stmts = hit.stmts;
      shiftStmtsInPlace(stmts, this.start[c] - this.t.reusedAt[c]);
      this.keep(c, hit.kind, 'statement', stmts);
      append(out, stmts);
      return;
    }
    const lowered: Stmt[] = [];
    const k = this.kind[c];
    if (k === K.Assignment) {
      const s = this.assignment(c, this.span(i));
      if (s !== null) lowered.push(s);
    } else if (k === K.AugmentedAssignment) {
      lowered.push(this.augmentedAssignment(c, this.span(i)));
    } else {
      lowered.push({ k: 'expr', expr: this.expr(c), span: this.span(i) });
    }
    this.keep(c, k, 'statement', lowered);
    append(out, lowered);
  }

  /**
   * An element of `a, b` as a statement: it may have been the single child of the statement at the
   * previous parse (`a` before `, b` was typed), and then it was not walked again.
   */
  private exprOrReused(c: number): Expr {
    const hit = this.t.reused[c] as LoweredEntry | undefined;
    if (hit === undefined) return this.expr(c);
    const s = hit.stmts[0];
    if (s === undefined || s.k !== 'expr') return this.unknown(c);
    shiftExprInPlace(s.expr, this.start[c] - this.t.reusedAt[c]);
    return s.expr;
  }

  /** `a = b = v`, `x, y = v`, `x: T = v`; a bare annotation `x: T` assigns nothing and is dropped. */
  private assignment(i: number, span: Span): Stmt | null {
    const targets: Expr[] = [];
    let cur = i;
    for (;;) {
      let left = -1;
      let right = -1;
      let afterEq = false;
      for (let c = this.first[cur]; c >= 0; c = this.next[c]) {
        if (this.named[this.sym[c]] === 0) {
          if (this.names[this.sym[c]] === '=') afterEq = true;
        } else if (this.kind[c] !== K.Comment) {
          if (left < 0) left = c;
          else if (afterEq && right < 0) right = c;
        }
      }
      if (left < 0) return null;
      if (right < 0) return null;
      targets.push(this.target(left));
      if (this.kind[right] === K.Assignment) {
        cur = right;
        continue;
      }
      return { k: 'assign', targets, value: this.expr(right), span };
    }
  }

  private augmentedAssignment(i: number, span: Span): Stmt {
    const kids = this.kids(i);
    const op = this.firstToken(i);
    const opText = op >= 0 ? this.names[this.sym[op]] : '=';
    const target = kids.length > 0 ? this.target(kids[0]) : this.unknown(i);
    const value = kids.length > 1 ? this.expr(kids[1]) : this.unknown(i);
    return { k: 'assign', targets: [target], value, aug: opText.slice(0, -1), span };
  }

  /** Assignment and loop targets: patterns become tuples/lists of targets. */
  private target(i: number): Expr {
    switch (this.kind[i] as K) {
      case K.PatternList:
      case K.TuplePattern:
        return { k: 'tuple', elts: this.kids(i).map(c => this.target(c)), span: this.span(i) };
      case K.ListPattern:
        return { k: 'list', elts: this.kids(i).map(c => this.target(c)), span: this.span(i) };
      case K.ListSplatPattern:
        return this.unknown(
          i,
          this.kids(i).map(c => this.target(c)),
        );
      default:
        return this.expr(i);
    }
  }

  private ifStatement(i: number): Stmt {
    let test = -1;
    let body = -1;
    const elifs: number[] = [];
    let orelse: Stmt[] = [];
    for (const c of this.kids(i)) {
      const k = this.kind[c];
      if (k === K.Block) {
        if (body < 0) body = c;
      } else if (k === K.ElifClause) elifs.push(c);
      else if (k === K.ElseClause) orelse = this.block(this.kidOfKind(c, K.Block));
      else if (test < 0) test = c;
    }
    // `elif` chains become nested ifs in `orelse`, each spanning from its `elif` to the end.
    for (let j = elifs.length - 1; j >= 0; j--) {
      const c = elifs[j];
      const parts = this.kids(c);
      const cond = parts.find(p => this.kind[p] !== K.Block);
      orelse = [
        {
          k: 'if',
          test: cond === undefined ? this.unknown(c) : this.expr(cond),
          body: this.block(this.kidOfKind(c, K.Block)),
          orelse,
          span: { start: this.start[c], end: this.end[i] },
        },
      ];
    }
    return { k: 'if', test: test < 0 ? this.unknown(i) : this.expr(test), body: this.block(body), orelse, span: this.span(i) };
  }

  private elseBody(i: number): Stmt[] {
    const e = this.kidOfKind(i, K.ElseClause);
    return e < 0 ? [] : this.block(this.kidOfKind(e, K.Block));
  }

  private forStatement(i: number): Stmt {
    const left = this.kidAfter(i, 'for');
    const right = this.kidAfter(i, 'in');
    return {
      k: 'loop',
      kind: 'for',
      target: left < 0 || this.kind[left] === K.Block ? null : this.target(left),
      iter: right < 0 || this.kind[right] === K.Block ? null : this.expr(right),
      body: this.block(this.kidOfKind(i, K.Block)),
      orelse: this.elseBody(i),
      span: this.span(i),
    };
  }

  /** The condition has no slot in a loop: it becomes the first statement of the body (it runs before each pass). */
  private whileStatement(i: number): Stmt {
    const cond = this.kidAfter(i, 'while');
    const body = this.block(this.kidOfKind(i, K.Block));
    const withCond =
      cond < 0 || this.kind[cond] === K.Block ? body : [{ k: 'expr', expr: this.expr(cond), span: this.span(cond) } as Stmt, ...body];
    return { k: 'loop', kind: 'while', target: null, iter: null, body: withCond, orelse: this.elseBody(i), span: this.span(i) };
  }

  private withStatement(i: number): Stmt {
    const items: Expr[] = [];
    const clause = this.kidOfKind(i, K.WithClause);
    if (clause >= 0) {
      for (const item of this.kids(clause)) {
        const value = this.kind[item] === K.WithItem ? this.kids(item)[0] : item;
        if (value === undefined) continue;
        // `with open(f) as fh`: the context expression is what matters, the target is dropped.
        const ctx = this.kind[value] === K.AsPattern ? this.kids(value)[0] : value;
        if (ctx !== undefined) items.push(this.expr(ctx));
      }
    }
    return { k: 'block', items, body: this.block(this.kidOfKind(i, K.Block)), span: this.span(i) };
  }

  /** try / except / else / finally bodies, in source order, as one block. */
  private tryStatement(i: number): Stmt {
    const body: Stmt[] = [];
    for (const c of this.kids(i)) {
      const k = this.kind[c];
      if (k === K.Block) append(body, this.block(c));
      else if (k === K.ExceptClause || k === K.ExceptGroupClause || k === K.ElseClause || k === K.FinallyClause) {
        append(body, this.block(this.kidOfKind(c, K.Block)));
      }
    }
    return { k: 'block', items: [], body, span: this.span(i) };
  }

  /** match: the subject, then every case body (patterns are dropped). */
  private matchStatement(i: number): Stmt {
    const body: Stmt[] = [];
    for (const c of this.kids(i)) {
      if (this.kind[c] === K.Block) {
        for (const clause of this.kids(c)) {
          if (this.kind[clause] === K.CaseClause) append(body, this.block(this.kidOfKind(clause, K.Block)));
        }
      } else if (EXPR_KINDS.has(this.kind[c])) {
        body.push({ k: 'expr', expr: this.expr(c), span: this.span(c) });
      }
    }
    return { k: 'block', items: [], body, span: this.span(i) };
  }

  private decorated(i: number, out: Stmt[]): void {
    const decorators: Expr[] = [];
    for (const c of this.kids(i)) {
      const k = this.kind[c];
      if (k === K.Decorator) {
        const e = this.kids(c)[0];
        if (e !== undefined) decorators.push(this.expr(e));
      } else if (k === K.FunctionDefinition) {
        out.push(this.functionStatement(c, decorators, i));
      } else if (k === K.ClassDefinition) {
        out.push(this.classStatement(c, decorators, i));
      }
    }
  }

  private functionDef(i: number, decorators: Expr[]): FunctionDef {
    const name = this.kidOfKind(i, K.Identifier);
    const params = this.kidOfKind(i, K.Parameters);
    return {
      name: name < 0 ? '' : this.source(name),
      params: params < 0 ? [] : this.params(params),
      body: this.block(this.kidOfKind(i, K.Block)),
      span: this.span(i),
      nameSpan: this.span(name < 0 ? i : name),
      decorators,
    };
  }

  /** The statement spans the decorators too; the definition itself does not. */
  private functionStatement(i: number, decorators: Expr[], outer: number): Stmt {
    return { k: 'func', def: this.functionDef(i, decorators), span: this.span(outer) };
  }

  private classStatement(i: number, decorators: Expr[], outer: number): Stmt {
    const name = this.kidOfKind(i, K.Identifier);
    const args = this.kidOfKind(i, K.ArgumentList);
    const bases: Expr[] = [];
    if (args >= 0) {
      for (const c of this.kids(args)) {
        const k = this.kind[c];
        if (k !== K.KeywordArgument && k !== K.ListSplat && k !== K.DictionarySplat && k !== K.Error) bases.push(this.expr(c));
      }
    }
    const def: ClassDef = {
      name: name < 0 ? '' : this.source(name),
      bases,
      body: this.block(this.kidOfKind(i, K.Block)),
      span: this.span(i),
      nameSpan: this.span(name < 0 ? i : name),
      decorators,
    };
    return { k: 'class', def, span: this.span(outer) };
  }

  private params(i: number): Param[] {
    const out: Param[] = [];
    for (const c of this.kids(i)) {
      switch (this.kind[c] as K) {
        case K.Identifier:
          out.push({ name: this.source(c), default: null, span: this.span(c) });
          break;
        case K.ListSplatPattern:
        case K.DictionarySplatPattern:
        case K.TypedParameter: {
          // `*args`, `**kw`, `x: T`, `*args: T`
          const inner = this.kind[c] === K.TypedParameter ? this.kids(c)[0] : c;
          if (inner === undefined) break;
          const k = this.kind[inner];
          const star = k === K.ListSplatPattern ? 1 : k === K.DictionarySplatPattern ? 2 : undefined;
          const id = star === undefined ? inner : this.kidOfKind(inner, K.Identifier);
          const p: Param = { name: id < 0 ? '' : this.source(id), default: null, span: this.span(c) };
          if (star !== undefined) p.star = star;
          else if (this.kind[c] === K.TypedParameter) this.annotate(p, c);
          out.push(p);
          break;
        }
        case K.DefaultParameter:
        case K.TypedDefaultParameter: {
          const parts = this.kids(c);
          const value = this.kidAfter(c, '=');
          const p: Param = {
            name: parts.length > 0 ? this.source(parts[0]) : '',
            default: value < 0 ? null : this.expr(value),
            span: this.span(c),
          };
          if (this.kind[c] === K.TypedDefaultParameter) this.annotate(p, c);
          out.push(p);
          break;
        }
        case K.TuplePattern:
          // Python 2 tuple parameter `def f((a, b))`
          out.push({ name: this.source(c), default: null, span: this.span(c) });
          break;
        default:
          break; // `*` and `/` separators, comments, error fragments
      }
    }
    return out;
  }

  /** `x: T` and `x: T = v`: the annotation when it names a class (`T`, `models.T`, `'T'`). */
  private annotate(p: Param, i: number): void {
    const colon = this.kidAfter(i, ':');
    if (colon < 0) return;
    const text = this.source(colon)
      .trim()
      .replace(/^(['"])(.*)\1$/, '$2');
    if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(text)) p.annotation = text;
  }

  private importStatement(i: number, out: Stmt[]): void {
    const items = this.kids(i).filter(c => this.kind[c] === K.DottedName || this.kind[c] === K.AliasedImport);
    // One statement per imported module: a lone import spans the whole statement, several each span their item.
    for (const c of items) {
      const span = items.length === 1 ? this.span(i) : this.span(c);
      if (this.kind[c] === K.AliasedImport) {
        const parts = this.kids(c);
        const alias = this.kidAfter(c, 'as');
        out.push({
          k: 'import',
          module: parts.length > 0 ? this.dotted(parts[0]) : '',
          alias: alias < 0 ? null : this.source(alias),
          span,
        });
      } else {
        out.push({ k: 'import', module: this.dotted(c), alias: null, span });
      }
    }
  }

  private importFrom(i: number): Stmt {
    let module = '';
    let level = 0;
    let star = false;
    const names: { name: string; alias: string | null; span: Span }[] = [];
    let seenImport = false;
    for (let c = this.first[i]; c >= 0; c = this.next[c]) {
      const k = this.kind[c];
      if (this.named[this.sym[c]] === 0) {
        const tok = this.names[this.sym[c]];
        if (tok === 'import') seenImport = true;
        else if (tok === '__future__') module = '__future__';
        continue;
      }
      if (!seenImport) {
        if (k === K.RelativeImport) {
          for (const p of this.kids(c)) {
            if (this.kind[p] === K.ImportPrefix) level = countDots(this.source(p));
            else if (this.kind[p] === K.DottedName) module = this.dotted(p);
          }
        } else if (k === K.DottedName) {
          module = this.dotted(c);
        }
      } else if (k === K.WildcardImport) {
        star = true;
      } else if (k === K.DottedName) {
        names.push({ name: this.dotted(c), alias: null, span: this.span(c) });
      } else if (k === K.AliasedImport) {
        const parts = this.kids(c);
        const alias = this.kidAfter(c, 'as');
        names.push({
          name: parts.length > 0 ? this.dotted(parts[0]) : '',
          alias: alias < 0 ? null : this.source(alias),
          span: this.span(c),
        });
      }
    }
    return { k: 'importFrom', module, level, names, star, span: this.span(i) };
  }

  private dotted(i: number): string {
    if (this.kind[i] !== K.DottedName) return this.source(i);
    return this.kids(i)
      .map(c => this.source(c))
      .join('.');
  }

  // ---- expressions ----

  private expr(i: number): Expr {
    if ((this.flags[i] & FLAG_MISSING) !== 0) return this.unknown(i);
    if (this.depth > MAX_DEPTH) return this.unknown(i);
    this.depth++;
    const e = this.exprInner(i);
    this.depth--;
    return e;
  }

  private exprInner(i: number): Expr {
    switch (this.kind[i] as K) {
      case K.Identifier:
        return { k: 'name', id: this.source(i), span: this.span(i) };
      case K.Attribute: {
        const kids = this.kids(i);
        const name = this.kidAfter(i, '.');
        return {
          k: 'attr',
          obj: kids.length > 0 && kids[0] !== name ? this.expr(kids[0]) : this.unknown(i),
          name: name < 0 ? '' : this.source(name),
          span: this.span(i),
          nameSpan: name < 0 ? { start: this.end[i], end: this.end[i] } : this.span(name),
        };
      }
      case K.Call:
        return this.call(i);
      case K.Subscript:
        return this.subscript(i);
      case K.Integer:
      case K.Float: {
        const raw = this.source(i);
        const value = pythonNumberValue(raw);
        return value === undefined ? this.unknown(i) : { k: 'num', value, raw, span: this.span(i) };
      }
      case K.String:
        return this.string(i);
      case K.ConcatenatedString: {
        const parts = this.kids(i);
        if (parts.some(p => this.kind[p] !== K.String || stringPrefix(this.source(p)).format)) return this.unknown(i, this.collect(i));
        return { k: 'str', value: parts.map(p => pythonStringValue(this.source(p))).join(''), span: this.span(i) };
      }
      case K.True:
        return { k: 'const', value: true, span: this.span(i) };
      case K.False:
        return { k: 'const', value: false, span: this.span(i) };
      case K.None:
        return { k: 'const', value: null, span: this.span(i) };
      case K.Tuple:
      case K.ExpressionList:
      case K.PatternList:
      case K.TuplePattern:
        return { k: 'tuple', elts: this.elements(i), span: this.span(i) };
      case K.List:
      case K.ListPattern:
      case K.Set:
        return { k: 'list', elts: this.elements(i), span: this.span(i) };
      case K.Dictionary:
        return this.dictionary(i);
      case K.ParenthesizedExpression: {
        const inner = this.kids(i)[0];
        return inner === undefined ? this.unknown(i) : this.expr(inner);
      }
      case K.BinaryOperator:
      case K.BooleanOperator: {
        const kids = this.kids(i);
        const op = this.firstToken(i);
        if (kids.length < 2 || op < 0) return this.unknown(i, this.collect(i));
        return { k: 'binop', op: this.names[this.sym[op]], left: this.expr(kids[0]), right: this.expr(kids[1]), span: this.span(i) };
      }
      case K.ComparisonOperator:
        return this.comparison(i);
      case K.NotOperator: {
        const arg = this.kids(i)[0];
        return arg === undefined ? this.unknown(i) : { k: 'unary', op: 'not', operand: this.expr(arg), span: this.span(i) };
      }
      case K.UnaryOperator: {
        const arg = this.kids(i)[0];
        const op = this.firstToken(i);
        if (arg === undefined || op < 0) return this.unknown(i, this.collect(i));
        return { k: 'unary', op: this.names[this.sym[op]], operand: this.expr(arg), span: this.span(i) };
      }
      case K.ConditionalExpression: {
        const [body, test, orelse] = this.kids(i);
        if (orelse === undefined) return this.unknown(i, this.collect(i));
        return { k: 'cond', test: this.expr(test), body: this.expr(body), orelse: this.expr(orelse), span: this.span(i) };
      }
      case K.Lambda:
        return this.lambda(i);
      case K.Error:
        return this.unknown(i, this.collect(i));
      default:
        // Comprehensions, await, yield, walrus, splats, slices, …: children kept.
        return this.unknown(i, this.collect(i));
    }
  }

  /** The expressions inside any node, looking through non-expression wrappers (clauses, patterns). */
  private collect(i: number, out: Expr[] = []): Expr[] {
    if (this.depth > MAX_DEPTH) return out;
    this.depth++;
    for (let c = this.first[i]; c >= 0; c = this.next[c]) {
      if (this.named[this.sym[c]] === 0 || (this.flags[c] & FLAG_MISSING) !== 0) continue;
      const k = this.kind[c];
      if (EXPR_KINDS.has(k)) out.push(this.expr(c));
      else if (k !== K.Comment) this.collect(c, out);
    }
    this.depth--;
    return out;
  }

  private elements(i: number): Expr[] {
    return this.kids(i).map(c => this.expr(c));
  }

  private string(i: number): Expr {
    const literal = this.source(i);
    if (stringPrefix(literal).format) return this.unknown(i, this.collect(i));
    return { k: 'str', value: pythonStringValue(literal), span: this.span(i) };
  }

  private dictionary(i: number): Expr {
    const entries: DictEntry[] = [];
    for (const c of this.kids(i)) {
      const k = this.kind[c];
      if (k === K.Pair) {
        const [key, value] = this.kids(c);
        if (value !== undefined) entries.push({ key: this.expr(key), value: this.expr(value), span: this.span(c) });
      } else if (k === K.DictionarySplat) {
        const inner = this.kids(c)[0];
        if (inner !== undefined) entries.push({ key: null, value: this.expr(inner), span: this.span(c) });
      }
    }
    return { k: 'dict', entries, span: this.span(i) };
  }

  private call(i: number): Expr {
    const kids = this.kids(i);
    const callee = kids.length > 0 ? this.expr(kids[0]) : this.unknown(i);
    const argsNode = kids.length > 1 ? kids[1] : -1;
    const args: Arg[] = [];
    if (argsNode < 0) {
      return { k: 'call', callee, args, span: this.span(i), argsSpan: { start: this.end[i], end: this.end[i] } };
    }
    if (this.kind[argsNode] === K.GeneratorExpression) {
      // f(x for x in xs): the generator is the single argument.
      args.push({ value: this.expr(argsNode), span: this.span(argsNode) });
    } else {
      for (const c of this.kids(argsNode)) {
        const k = this.kind[c];
        if (k === K.KeywordArgument) {
          const name = this.kids(c)[0];
          const value = this.kidAfter(c, '=');
          args.push({
            name: name === undefined || name === value ? '' : this.source(name),
            value: value < 0 ? this.unknown(c) : this.expr(value),
            span: this.span(c),
          });
        } else if (k === K.ListSplat || k === K.DictionarySplat) {
          const inner = this.kids(c)[0];
          args.push({
            value: inner === undefined ? this.unknown(c) : this.expr(inner),
            span: this.span(c),
            star: k === K.ListSplat ? 1 : 2,
          });
        } else if (k === K.Error) {
          const inside = this.collect(c);
          if (inside.length > 0) args.push({ value: this.unknown(c, inside), span: this.span(c) });
        } else if ((this.flags[c] & FLAG_MISSING) === 0) {
          args.push({ value: this.expr(c), span: this.span(c) });
        }
      }
    }
    return { k: 'call', callee, args, span: this.span(i), argsSpan: this.span(argsNode) };
  }

  /** `x[i]`; several indexes form a tuple, slices are `unknown` with their bounds as children. */
  private subscript(i: number): Expr {
    const kids = this.kids(i);
    const obj = kids.length > 0 ? this.expr(kids[0]) : this.unknown(i);
    const indexes = kids.slice(1);
    let index: Expr;
    if (indexes.length === 0) {
      index = { k: 'unknown', children: [], span: { start: this.end[i], end: this.end[i] } };
    } else if (indexes.length === 1) {
      index = this.expr(indexes[0]);
    } else {
      index = {
        k: 'tuple',
        elts: indexes.map(c => this.expr(c)),
        span: { start: this.start[indexes[0]], end: this.end[indexes[indexes.length - 1]] },
      };
    }
    return { k: 'subscript', obj, index, span: this.span(i) };
  }

  /** `a < b` is a binop; a chain `a < b <= c` is `(a < b) and (b <= c)`, as Python evaluates it. */
  private comparison(i: number): Expr {
    const operands: number[] = [];
    const ops: string[] = [];
    for (let c = this.first[i]; c >= 0; c = this.next[c]) {
      if (this.named[this.sym[c]] === 1) {
        if (this.kind[c] !== K.Comment) operands.push(c);
      } else {
        ops.push(this.names[this.sym[c]]);
      }
    }
    if (operands.length < 2 || ops.length !== operands.length - 1) return this.unknown(i, this.collect(i));
    let result: Expr | null = null;
    for (let j = 0; j < ops.length; j++) {
      const a = operands[j];
      const b = operands[j + 1];
      const pair: Expr = {
        k: 'binop',
        op: ops[j],
        left: this.expr(a),
        right: this.expr(b),
        span: ops.length === 1 ? this.span(i) : { start: this.start[a], end: this.end[b] },
      };
      result =
        result === null ? pair : { k: 'binop', op: 'and', left: result, right: pair, span: { start: this.start[i], end: this.end[b] } };
    }
    return result as Expr;
  }

  private lambda(i: number): Expr {
    const params = this.kidOfKind(i, K.LambdaParameters);
    const body = this.kidAfter(i, ':');
    const fn: FunctionDef = {
      name: '<lambda>',
      params: params < 0 ? [] : this.params(params),
      body: body < 0 ? [] : [{ k: 'return', value: this.expr(body), span: this.span(body) }],
      span: this.span(i),
      nameSpan: { start: this.start[i], end: this.start[i] + 'lambda'.length },
      decorators: [],
    };
    return { k: 'lambda', fn, span: this.span(i) };
  }

  // ---- syntax errors ----

  private syntaxErrors(): SyntaxProblem[] {
    const out: SyntaxProblem[] = [];
    for (const i of this.t.errors) {
      if ((this.flags[i] & FLAG_MISSING) !== 0) {
        const what = this.named[this.sym[i]] === 1 ? this.names[this.sym[i]].replace(/_/g, ' ') : `'${this.names[this.sym[i]]}'`;
        out.push({ span: this.span(i), message: `Syntax error: missing ${what}` });
      } else {
        const snippet = this.source(i)
          .split(/\r\n|\r|\n/, 1)[0]
          .trim();
        const shown = snippet.length > 40 ? `${snippet.slice(0, 40)}…` : snippet;
        out.push({ span: this.span(i), message: shown ? `Syntax error: unexpected '${shown}'` : 'Syntax error' });
      }
    }
    const at = this.t.hiddenError;
    if (at >= 0)
      out.push({
        span: { start: at, end: at },
        message: this.t.hiddenNewline ? 'Syntax error: a statement must start on a new line' : 'Syntax error',
      });
    return out;
  }
}

/** push(...items) without the argument-count limit of spreading a huge block. */
function append<T>(out: T[], items: readonly T[]): void {
  for (let j = 0; j < items.length; j++) out.push(items[j]);
}

function countDots(s: string): number {
  let n = 0;
  for (let j = 0; j < s.length; j++) if (s.charCodeAt(j) === 46) n++;
  return n;
}
