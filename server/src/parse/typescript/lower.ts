import type * as TS from 'typescript';
import type { Arg, ClassDef, DictEntry, Expr, FunctionDef, Module, Param, Span, Stmt, SyntaxProblem } from '../../ir';
import { collectSpans, moveSpans } from './spanList';
import { K } from './syntaxKind';

/** Name given to a function expression that has no name of its own and is not bound to one. */
export const ANONYMOUS = '<anonymous>';

type FunctionLike =
  | TS.FunctionDeclaration
  | TS.FunctionExpression
  | TS.ArrowFunction
  | TS.MethodDeclaration
  | TS.ConstructorDeclaration
  | TS.GetAccessorDeclaration
  | TS.SetAccessorDeclaration;

type WithModifiers = { readonly modifiers?: TS.NodeArray<TS.ModifierLike> };

// Kinds that `Lowerer.expr` turns into a node of their own; anything else met while collecting
// the children of an `unknown` is looked through.
const LOWERED_EXPRESSION = new Uint8Array(K.SourceFile + 64);
for (const k of [
  K.Identifier,
  K.PrivateIdentifier,
  K.ThisKeyword,
  K.SuperKeyword,
  K.ImportKeyword,
  K.TrueKeyword,
  K.FalseKeyword,
  K.NullKeyword,
  K.NumericLiteral,
  K.BigIntLiteral,
  K.StringLiteral,
  K.NoSubstitutionTemplateLiteral,
  K.RegularExpressionLiteral,
  K.TemplateExpression,
  K.TaggedTemplateExpression,
  K.PropertyAccessExpression,
  K.ElementAccessExpression,
  K.CallExpression,
  K.NewExpression,
  K.ParenthesizedExpression,
  K.AsExpression,
  K.SatisfiesExpression,
  K.NonNullExpression,
  K.TypeAssertionExpression,
  K.AwaitExpression,
  K.ExpressionWithTypeArguments,
  K.ArrowFunction,
  K.FunctionExpression,
  K.ClassExpression,
  K.ArrayLiteralExpression,
  K.ObjectLiteralExpression,
  K.BinaryExpression,
  K.PrefixUnaryExpression,
  K.PostfixUnaryExpression,
  K.TypeOfExpression,
  K.VoidExpression,
  K.DeleteExpression,
  K.ConditionalExpression,
  K.YieldExpression,
  K.SpreadElement,
  K.MetaProperty,
  K.JsxElement,
  K.JsxSelfClosingElement,
  K.JsxFragment,
])
  LOWERED_EXPRESSION[k] = 1;

/** An export recorded while lowering a statement: a name mapping, or the default export. */
export type ExportEffect = [exported: string, local: string] | Expr;

/**
 * Lowerings of statements, kept across versions of one document. ts.updateSourceFile hands back
 * the very node objects it reused, unchanged in text (at any depth where it re-parses lists of
 * statements or class members), so such a node lowers to the same statements and export effects,
 * moved by however far the node moved. They are moved in place (./spanList.ts) and keep their
 * identity. How far is read from the IR itself (`anchor`'s span lay `anchorOffset` after the
 * node's document offset when it was lowered): a reuse of an enclosing statement, or a move of
 * the whole chunk the node lies in, may have moved it since.
 */
export type LoweredStatements = WeakMap<TS.Node, LoweredStatement>;

export interface LoweredStatement {
  length: number;
  top: boolean;
  stmts: Stmt[];
  effects: ExportEffect[] | undefined;
  anchor: { span: Span } | undefined;
  anchorOffset: number;
  /** Every span of `stmts` and `effects` once, listed when the statement first moves (most never do). */
  spans?: Span[];
}

/** The spans of a lowered statement, each once: what moving it moves. */
export function spansOf(entry: LoweredStatement): Span[] {
  return (entry.spans ??= collectSpans(entry.stmts, defaultExports(entry.effects), []));
}

/** A source file (or a chunk of a document parsed on its own) lowered statement by statement. */
export interface LoweredChunk {
  /** One entry per top-level statement of the source file, in order. */
  tops: LoweredStatement[];
  syntaxErrors: SyntaxProblem[];
}

/**
 * Lowers the top-level statements of `sf`, whose text starts at document offset `base` (spans are
 * document offsets). Statements found in `reuse` are taken from it, moved in place; the others are
 * lowered and recorded there.
 */
export function lowerChunk(
  ts: typeof TS,
  sf: TS.SourceFile,
  opText: readonly string[],
  reuse: LoweredStatements | undefined,
  base: number,
): LoweredChunk {
  const lowerer = new Lowerer(ts, sf, opText, reuse, base);
  lowerer.tops = [];
  lowerer.statements(sf.statements, true);
  return { tops: lowerer.tops, syntaxErrors: syntaxErrorsOf(ts, sf, base) };
}

/**
 * Lowers a parsed TS/JS source file to the IR. `opText[kind]` is the source text of operator
 * token `kind` (built once per front end from `ts.tokenToString`). With `reuse`, statements
 * lowered for an earlier version of the document are taken from it, and new ones recorded in it.
 */
export function lowerSourceFile(ts: typeof TS, sf: TS.SourceFile, opText: readonly string[], reuse?: LoweredStatements): Module {
  const lowerer = new Lowerer(ts, sf, opText, reuse, 0);
  const body = lowerer.statements(sf.statements, true);
  const module: Module = {
    language: 'typescript',
    body,
    syntaxErrors: syntaxErrorsOf(ts, sf, 0),
    exports: lowerer.exports,
  };
  if (lowerer.defaultExport) module.defaultExport = lowerer.defaultExport;
  return module;
}

/** The parse diagnostics of a source file. */
export function parseDiagnosticsOf(sf: TS.SourceFile): readonly TS.DiagnosticWithLocation[] {
  // `parseDiagnostics` is internal but stable; it is what the language service reports as syntactic diagnostics.
  return (sf as unknown as { parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

function syntaxErrorsOf(ts: typeof TS, sf: TS.SourceFile, base: number): SyntaxProblem[] {
  const diagnostics = parseDiagnosticsOf(sf);
  if (diagnostics.length === 0) return [];
  return diagnostics.map(d => ({
    span: { start: base + d.start, end: base + d.start + d.length },
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

const NO_EXPRS: readonly Expr[] = [];

/**
 * How deep expressions are lowered. Lowering (and the interpreter after it) recurses once per level,
 * and a valid 2,500-term `a + a + …` overflowed the stack: the whole file lost its findings. Deeper
 * parts become `unknown` (no value known, so no finding comes from them) and the rest of the file is
 * analysed. Hand-written code nests a few dozen levels at most.
 */
export const MAX_EXPRESSION_DEPTH = 200;

export function defaultExports(effects: readonly ExportEffect[] | undefined): readonly Expr[] {
  return effects === undefined ? NO_EXPRS : effects.filter((e): e is Expr => !Array.isArray(e));
}

function hasModifier(node: TS.Node, kind: K): boolean {
  const mods = (node as WithModifiers).modifiers;
  if (mods) for (let i = 0; i < mods.length; i++) if ((mods[i].kind as number) === kind) return true;
  return false;
}

function unwrapParens(e: TS.Expression): TS.Expression {
  while ((e.kind as number) === K.ParenthesizedExpression) e = (e as TS.ParenthesizedExpression).expression;
  return e;
}

function isFunctionExpression(e: TS.Node): e is TS.ArrowFunction | TS.FunctionExpression {
  return (e.kind as number) === K.ArrowFunction || (e.kind as number) === K.FunctionExpression;
}

function isStringLike(e: TS.Node | undefined): e is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
  return e !== undefined && ((e.kind as number) === K.StringLiteral || (e.kind as number) === K.NoSubstitutionTemplateLiteral);
}

/** `require('m')` → 'm' */
function requiredModule(e: TS.Expression): string | undefined {
  if ((e.kind as number) !== K.CallExpression) return undefined;
  const call = e as TS.CallExpression;
  if ((call.expression.kind as number) !== K.Identifier || (call.expression as TS.Identifier).text !== 'require') return undefined;
  if (call.arguments.length !== 1 || !isStringLike(call.arguments[0])) return undefined;
  return (call.arguments[0] as TS.StringLiteral).text;
}

class Lowerer {
  readonly exports = new Map<string, string>();
  defaultExport: Expr | undefined;
  /** Export effects of the top-level statement being lowered, for the reuse cache. */
  private effects: ExportEffect[] | undefined;
  /** When set, the entry of every top-level statement is appended here. */
  tops: LoweredStatement[] | undefined;
  private readonly text: string;
  // Nested nodes of a chain (`a.b.c(...)`) share one `pos`, and getStart re-scans leading
  // trivia (a long doc comment, say) from there each time: remember the last answer.
  private lastPos = -1;
  private lastStart = -1;
  /** Expressions being lowered, outermost first (bounded by MAX_EXPRESSION_DEPTH). */
  private depth = 0;
  /**
   * The class whose instance field initializers are being lowered: `new` of that class there would
   * construct it again for ever (at run time too), and the interpreter, which runs the fields of every
   * instance it creates, overflowed the stack on it. Such a `new` is lowered as `unknown`.
   */
  private constructingClass: string | undefined;

  constructor(
    private readonly ts: typeof TS,
    private readonly sf: TS.SourceFile,
    private readonly opText: readonly string[],
    private readonly reuse: LoweredStatements | undefined,
    /** Document offset of the source file's text: spans are document offsets. */
    private readonly base: number,
  ) {
    this.text = sf.text;
  }

  // ---- spans ----------------------------------------------------------------------------------

  private start(n: TS.Node): number {
    const pos = n.pos;
    // A missing node (error recovery) starts at its pos and JSX text at its first comment: neither
    // says where another node with the same pos starts, so neither is remembered.
    if (pos === n.end || (n.kind as number) === K.JsxText) return n.getStart(this.sf);
    if (pos === this.lastPos) return this.lastStart;
    this.lastPos = pos;
    return (this.lastStart = n.getStart(this.sf));
  }

  private span(n: TS.Node): Span {
    return { start: this.base + this.start(n), end: this.base + n.end };
  }

  /** An empty span at document offset `offset`. */
  private emptySpanAt(offset: number): Span {
    return { start: offset, end: offset };
  }

  private source(n: TS.Node): string {
    return this.text.slice(this.start(n), n.end);
  }

  private setExport(exported: string, local: string): void {
    this.exports.set(exported, local);
    this.effects?.push([exported, local]);
  }

  private setDefaultExport(e: Expr): void {
    this.defaultExport = e;
    this.effects?.push(e);
  }

  // ---- statements -----------------------------------------------------------------------------

  statements(list: readonly TS.Statement[], top: boolean): Stmt[] {
    const out: Stmt[] = [];
    const reuse = this.reuse;
    const tops = top ? this.tops : undefined;
    for (let i = 0; i < list.length; i++) {
      const node = list[i];
      if (reuse) {
        const cached = reuse.get(node);
        if (cached && cached.length === node.end - node.pos && cached.top === top) {
          if (cached.anchor !== undefined) {
            const delta = this.base + node.pos + cached.anchorOffset - cached.anchor.span.start;
            if (delta !== 0) moveSpans(spansOf(cached), delta);
          }
          for (const s of cached.stmts) out.push(s);
          if (cached.effects) {
            for (const e of cached.effects) {
              if (Array.isArray(e)) this.exports.set(e[0], e[1]);
              else this.defaultExport = e;
            }
          }
          tops?.push(cached);
          continue;
        }
      } else if (tops === undefined) {
        this.stmt(node, out, top);
        continue;
      }
      const before = out.length;
      const outer = this.effects;
      this.effects = top ? [] : undefined;
      this.stmt(node, out, top);
      const effects = this.effects !== undefined && this.effects.length > 0 ? this.effects : undefined;
      this.effects = outer;
      const stmts = out.slice(before);
      // Without statements, any default export is loose (not among them): it anchors the entry.
      const anchor = stmts.length > 0 ? stmts[0] : defaultExports(effects)[0];
      const entry: LoweredStatement = {
        length: node.end - node.pos,
        top,
        stmts,
        effects,
        anchor,
        anchorOffset: anchor === undefined ? 0 : anchor.span.start - (this.base + node.pos),
      };
      reuse?.set(node, entry);
      tops?.push(entry);
    }
    return out;
  }

  /** Statements of a loop or branch body, without a block wrapper for `{ ... }`. */
  private bodyOf(s: TS.Statement): Stmt[] {
    if ((s.kind as number) === K.Block) return this.statements((s as TS.Block).statements, false);
    const out: Stmt[] = [];
    this.stmt(s, out, false);
    return out;
  }

  private stmt(node: TS.Statement, out: Stmt[], top: boolean): void {
    switch (node.kind as number) {
      case K.ExpressionStatement: {
        const es = node as TS.ExpressionStatement;
        this.expressionAsStatements(es.expression, this.span(es), out, top);
        return;
      }
      case K.VariableStatement: {
        const vs = node as TS.VariableStatement;
        if (hasModifier(vs, K.DeclareKeyword)) return;
        this.variables(vs.declarationList, this.span(vs), out, top && hasModifier(vs, K.ExportKeyword));
        return;
      }
      case K.ReturnStatement: {
        const r = node as TS.ReturnStatement;
        out.push({ k: 'return', value: r.expression ? this.expr(r.expression) : null, span: this.span(r) });
        return;
      }
      case K.IfStatement:
        out.push(this.ifStmt(node as TS.IfStatement));
        return;
      case K.ForStatement: {
        const f = node as TS.ForStatement;
        const span = this.span(f);
        // The initializer runs once, before the loop; the condition and the incrementor each turn.
        if (f.initializer) {
          if ((f.initializer.kind as number) === K.VariableDeclarationList) {
            this.variables(f.initializer as TS.VariableDeclarationList, this.span(f.initializer), out, false);
          } else {
            this.expressionAsStatements(f.initializer as TS.Expression, this.span(f.initializer), out, false);
          }
        }
        const body: Stmt[] = [];
        if (f.condition) body.push(this.exprStmt(f.condition));
        for (const s of this.bodyOf(f.statement)) body.push(s);
        if (f.incrementor) this.expressionAsStatements(f.incrementor, this.span(f.incrementor), body, false);
        out.push({ k: 'loop', kind: 'for', target: null, iter: null, body, orelse: [], span });
        return;
      }
      case K.ForOfStatement:
      case K.ForInStatement: {
        const f = node as TS.ForOfStatement | TS.ForInStatement;
        let target: Expr;
        if ((f.initializer.kind as number) === K.VariableDeclarationList) {
          const decl = (f.initializer as TS.VariableDeclarationList).declarations[0];
          target = decl ? this.bindingTarget(decl.name) : { k: 'unknown', children: [], span: this.span(f.initializer) };
        } else {
          target = this.target(f.initializer as TS.Expression);
        }
        const iter = this.expr(f.expression);
        out.push({ k: 'loop', kind: 'for', target, iter, body: this.bodyOf(f.statement), orelse: [], span: this.span(f) });
        return;
      }
      case K.WhileStatement: {
        const w = node as TS.WhileStatement;
        const span = this.span(w);
        // The condition is evaluated every turn, so it heads the body.
        const body = [this.exprStmt(w.expression)];
        for (const s of this.bodyOf(w.statement)) body.push(s);
        out.push({ k: 'loop', kind: 'while', target: null, iter: null, body, orelse: [], span });
        return;
      }
      case K.DoStatement: {
        const d = node as TS.DoStatement;
        const span = this.span(d);
        const body = this.bodyOf(d.statement);
        body.push(this.exprStmt(d.expression));
        out.push({ k: 'loop', kind: 'while', target: null, iter: null, body, orelse: [], span });
        return;
      }
      case K.Block: {
        const b = node as TS.Block;
        out.push({ k: 'block', items: [], body: this.statements(b.statements, false), span: this.span(b) });
        return;
      }
      case K.TryStatement: {
        const t = node as TS.TryStatement;
        const span = this.span(t);
        const body = this.statements(t.tryBlock.statements, false);
        if (t.catchClause) for (const s of this.statements(t.catchClause.block.statements, false)) body.push(s);
        if (t.finallyBlock) for (const s of this.statements(t.finallyBlock.statements, false)) body.push(s);
        out.push({ k: 'block', items: [], body, span });
        return;
      }
      case K.SwitchStatement: {
        const sw = node as TS.SwitchStatement;
        const span = this.span(sw);
        const body: Stmt[] = [this.exprStmt(sw.expression)];
        for (const clause of sw.caseBlock.clauses) {
          if ((clause.kind as number) === K.CaseClause) body.push(this.exprStmt((clause as TS.CaseClause).expression));
          for (const s of clause.statements) this.stmt(s, body, false);
        }
        out.push({ k: 'block', items: [], body, span });
        return;
      }
      case K.LabeledStatement:
        this.stmt((node as TS.LabeledStatement).statement, out, top);
        return;
      case K.ThrowStatement: {
        const t = node as TS.ThrowStatement;
        out.push({ k: 'expr', expr: this.expr(t.expression), span: this.span(t) });
        out.push({ k: 'jump', kind: 'raise', span: this.span(t) });
        return;
      }
      case K.WithStatement: {
        const w = node as TS.WithStatement;
        const span = this.span(w);
        out.push({ k: 'block', items: [this.expr(w.expression)], body: this.bodyOf(w.statement), span });
        return;
      }
      case K.FunctionDeclaration:
        this.functionDeclaration(node as TS.FunctionDeclaration, out, top);
        return;
      case K.ClassDeclaration:
        this.classDeclaration(node as TS.ClassDeclaration, out, top);
        return;
      case K.ImportDeclaration:
        this.importDeclaration(node as TS.ImportDeclaration, out);
        return;
      case K.ImportEqualsDeclaration:
        this.importEquals(node as TS.ImportEqualsDeclaration, out, top);
        return;
      case K.ExportDeclaration:
        this.exportDeclaration(node as TS.ExportDeclaration, out, top);
        return;
      case K.ExportAssignment: {
        const ea = node as TS.ExportAssignment;
        const span = this.span(ea);
        const value = this.valueOf(ea.expression, undefined, 'default');
        out.push({ k: 'expr', expr: value, span });
        if (top) {
          this.setDefaultExport(value);
          const inner = unwrapParens(ea.expression);
          if ((inner.kind as number) === K.Identifier) this.setExport('default', (inner as TS.Identifier).text);
        }
        return;
      }
      case K.ModuleDeclaration: {
        const m = node as TS.ModuleDeclaration;
        if (hasModifier(m, K.DeclareKeyword) || !m.body) return;
        const span = this.span(m);
        if ((m.body.kind as number) === K.ModuleBlock) {
          out.push({ k: 'block', items: [], body: this.statements((m.body as TS.ModuleBlock).statements, false), span });
        } else {
          this.stmt(m.body as TS.ModuleDeclaration, out, false);
        }
        return;
      }
      case K.BreakStatement:
      case K.ContinueStatement:
        out.push({ k: 'jump', kind: (node.kind as number) === K.BreakStatement ? 'break' : 'continue', span: this.span(node) });
        return;
      case K.EmptyStatement:
      case K.DebuggerStatement:
      case K.InterfaceDeclaration:
      case K.TypeAliasDeclaration:
      case K.EnumDeclaration:
        return;
      default: {
        const children = this.children(node);
        if (children.length > 0) out.push({ k: 'expr', expr: { k: 'unknown', children, span: this.span(node) }, span: this.span(node) });
      }
    }
  }

  private exprStmt(e: TS.Expression): Stmt {
    const expr = this.expr(e);
    return { k: 'expr', expr, span: expr.span };
  }

  private ifStmt(s: TS.IfStatement): Stmt {
    const span = this.span(s);
    const test = this.expr(s.expression);
    const body = this.bodyOf(s.thenStatement);
    let orelse: Stmt[] = [];
    if (s.elseStatement) {
      orelse =
        (s.elseStatement.kind as number) === K.IfStatement
          ? [this.ifStmt(s.elseStatement as TS.IfStatement)]
          : this.bodyOf(s.elseStatement);
    }
    return { k: 'if', test, body, orelse, span };
  }

  /** An expression in statement position: assignments become `assign`, a comma list is split. */
  private expressionAsStatements(e: TS.Expression, span: Span, out: Stmt[], top: boolean): void {
    e = unwrapParens(e);
    if ((e.kind as number) === K.BinaryExpression) {
      const b = e as TS.BinaryExpression;
      const op: number = b.operatorToken.kind;
      if (op === K.EqualsToken) {
        const targets = [this.target(b.left)];
        let value = b.right;
        let last: TS.Expression = b.left;
        for (
          let v = unwrapParens(value);
          (v.kind as number) === K.BinaryExpression && ((v as TS.BinaryExpression).operatorToken.kind as number) === K.EqualsToken;
          v = unwrapParens(value)
        ) {
          last = (v as TS.BinaryExpression).left;
          targets.push(this.target(last));
          value = (v as TS.BinaryExpression).right;
        }
        if (top) this.commonJsExport(b.left, value);
        out.push({ k: 'assign', targets, value: this.valueOf(value, this.bindingNameNode(last)), span });
        return;
      }
      if (op >= K.FirstCompoundAssignment && op <= K.LastCompoundAssignment) {
        const target = this.target(b.left);
        out.push({ k: 'assign', targets: [target], value: this.expr(b.right), aug: this.opText[op].slice(0, -1), span });
        return;
      }
      if (op === K.CommaToken) {
        this.expressionAsStatements(b.left, this.span(b.left), out, top);
        this.expressionAsStatements(b.right, this.span(b.right), out, top);
        return;
      }
    }
    out.push({ k: 'expr', expr: this.expr(e), span });
  }

  /** The node naming what a function expression assigned to `target` is called (`x = …`, `o.x = …`). */
  private bindingNameNode(target: TS.Expression): TS.Node | undefined {
    target = unwrapParens(target);
    if ((target.kind as number) === K.Identifier) return target;
    if ((target.kind as number) === K.PropertyAccessExpression) return (target as TS.PropertyAccessExpression).name;
    return undefined;
  }

  /** `module.exports = …`, `exports.x = y`, `module.exports.x = y` at the top level. */
  private commonJsExport(left: TS.Expression, value: TS.Expression): void {
    left = unwrapParens(left);
    if ((left.kind as number) !== K.PropertyAccessExpression) return;
    const pa = left as TS.PropertyAccessExpression;
    const isModuleExports = (e: TS.Expression) =>
      (e.kind as number) === K.PropertyAccessExpression &&
      (e as TS.PropertyAccessExpression).name.text === 'exports' &&
      ((e as TS.PropertyAccessExpression).expression.kind as number) === K.Identifier &&
      ((e as TS.PropertyAccessExpression).expression as TS.Identifier).text === 'module';
    const v = unwrapParens(value);
    if (isModuleExports(pa)) {
      this.setDefaultExport(this.expr(v));
      if ((v.kind as number) === K.Identifier) this.setExport('default', (v as TS.Identifier).text);
      if ((v.kind as number) === K.ObjectLiteralExpression) {
        for (const p of (v as TS.ObjectLiteralExpression).properties) {
          if ((p.kind as number) === K.ShorthandPropertyAssignment) {
            const name = (p as TS.ShorthandPropertyAssignment).name.text;
            this.setExport(name, name);
          } else if ((p.kind as number) === K.PropertyAssignment) {
            const pa = p as TS.PropertyAssignment;
            if ((pa.initializer.kind as number) === K.Identifier && (pa.name.kind as number) !== K.ComputedPropertyName) {
              this.setExport(this.propName(pa.name), (pa.initializer as TS.Identifier).text);
            }
          }
        }
      }
      return;
    }
    const obj = pa.expression;
    const onExports = ((obj.kind as number) === K.Identifier && (obj as TS.Identifier).text === 'exports') || isModuleExports(obj);
    if (onExports && (v.kind as number) === K.Identifier) this.setExport(pa.name.text, (v as TS.Identifier).text);
  }

  private variables(list: TS.VariableDeclarationList, listSpan: Span, out: Stmt[], exported: boolean): void {
    const decls = list.declarations;
    for (let i = 0; i < decls.length; i++) {
      const d = decls[i];
      if (exported) this.exportBoundNames(d.name);
      if (!d.initializer) continue;
      // One declarator: the statement's span (what a fix replacing the line wants); several: each its own.
      const span = decls.length === 1 ? listSpan : this.span(d);
      if (this.requireImport(d, d.initializer, span, out)) continue;
      out.push({
        k: 'assign',
        targets: [this.bindingTarget(d.name)],
        value: this.valueOf(d.initializer, (d.name.kind as number) === K.Identifier ? d.name : undefined),
        span,
      });
    }
  }

  private exportBoundNames(name: TS.BindingName): void {
    if ((name.kind as number) === K.Identifier) {
      const id = (name as TS.Identifier).text;
      this.setExport(id, id);
      return;
    }
    for (const el of (name as TS.BindingPattern).elements) {
      if ((el.kind as number) === K.BindingElement) this.exportBoundNames((el as TS.BindingElement).name);
    }
  }

  /** `const tf = require('m')` → import; `const { a, b: c } = require('m')` → importFrom. */
  private requireImport(d: TS.VariableDeclaration, init: TS.Expression, span: Span, out: Stmt[]): boolean {
    const module = requiredModule(unwrapParens(init));
    if (module === undefined) return false;
    if ((d.name.kind as number) === K.Identifier) {
      out.push({ k: 'import', module, alias: (d.name as TS.Identifier).text, span });
      return true;
    }
    if ((d.name.kind as number) !== K.ObjectBindingPattern) return false;
    const names: { name: string; alias: string | null; span: Span }[] = [];
    for (const el of (d.name as TS.ObjectBindingPattern).elements) {
      if (el.dotDotDotToken || (el.name.kind as number) !== K.Identifier) return false;
      const local = (el.name as TS.Identifier).text;
      const prop = el.propertyName;
      if (prop && (prop.kind as number) !== K.Identifier && (prop.kind as number) !== K.StringLiteral) return false;
      names.push({
        name: prop ? (prop as TS.Identifier | TS.StringLiteral).text : local,
        alias: prop ? local : null,
        span: this.span(el),
      });
    }
    out.push({ k: 'importFrom', module, level: 0, names, star: false, span });
    return true;
  }

  // ---- declarations ---------------------------------------------------------------------------

  private functionDeclaration(f: TS.FunctionDeclaration, out: Stmt[], top: boolean): void {
    // Overload signatures and ambient declarations have no body to analyse.
    if (!f.body || hasModifier(f, K.DeclareKeyword)) return;
    const span = this.span(f);
    const name = f.name ? f.name.text : 'default';
    const nameSpan = f.name ? this.span(f.name) : this.emptySpanAt(span.start);
    out.push({ k: 'func', def: this.functionDef(f, name, nameSpan), span });
    if (top && hasModifier(f, K.ExportKeyword)) this.exportDeclared(name, nameSpan, hasModifier(f, K.DefaultKeyword));
  }

  private classDeclaration(c: TS.ClassDeclaration, out: Stmt[], top: boolean): void {
    if (hasModifier(c, K.DeclareKeyword)) return;
    const span = this.span(c);
    const name = c.name ? c.name.text : 'default';
    const nameSpan = c.name ? this.span(c.name) : this.emptySpanAt(span.start);
    out.push({ k: 'class', def: this.classDef(c, name, nameSpan, span), span });
    if (top && hasModifier(c, K.ExportKeyword)) this.exportDeclared(name, nameSpan, hasModifier(c, K.DefaultKeyword));
  }

  private exportDeclared(name: string, nameSpan: Span, isDefault: boolean): void {
    if (isDefault) {
      this.setExport('default', name);
      this.setDefaultExport({ k: 'name', id: name, span: nameSpan });
    } else {
      this.setExport(name, name);
    }
  }

  private functionDef(fn: FunctionLike, name: string, nameSpan: Span): FunctionDef {
    // A function body runs when called, not while the instance is being built.
    const constructing = this.constructingClass;
    this.constructingClass = undefined;
    const def = this.functionDefOf(fn, name, nameSpan);
    this.constructingClass = constructing;
    return def;
  }

  private functionDefOf(fn: FunctionLike, name: string, nameSpan: Span): FunctionDef {
    const span = this.span(fn);
    const decorators = this.decorators(fn);
    const params = this.params(fn.parameters);
    let body: Stmt[];
    if (!fn.body) body = [];
    else if ((fn.body.kind as number) === K.Block) body = this.statements((fn.body as TS.Block).statements, false);
    else {
      const value = this.expr(fn.body as TS.Expression);
      body = [{ k: 'return', value, span: value.span }];
    }
    if ((fn.kind as number) === K.Constructor) this.parameterProperties(fn.parameters, body);
    const def: FunctionDef = { name, params, body, span, nameSpan, decorators };
    if ((fn.kind as number) === K.ArrowFunction) def.isArrow = true;
    return def;
  }

  private params(list: readonly TS.ParameterDeclaration[]): Param[] {
    const out: Param[] = [];
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      // TS `this: T` parameters are type annotations, not arguments.
      if ((p.name.kind as number) === K.Identifier && (p.name as TS.Identifier).text === 'this') continue;
      const param: Param = {
        name: (p.name.kind as number) === K.Identifier ? (p.name as TS.Identifier).text : this.source(p.name),
        default: p.initializer ? this.expr(p.initializer) : null,
        span: this.span(p),
      };
      if (p.dotDotDotToken) param.star = 1;
      out.push(param);
    }
    return out;
  }

  /** `constructor(private model: M)` also assigns `this.model = model`; made explicit at the top of the body. */
  private parameterProperties(list: readonly TS.ParameterDeclaration[], body: Stmt[]): void {
    const assigns: Stmt[] = [];
    for (const p of list) {
      const mods = p.modifiers;
      if (!mods || (p.name.kind as number) !== K.Identifier || !mods.some(m => (m.kind as number) !== K.Decorator)) continue;
      const id = (p.name as TS.Identifier).text;
      const nameSpan = this.span(p.name);
      const target: Expr = {
        k: 'attr',
        obj: { k: 'name', id: 'this', span: this.emptySpanAt(nameSpan.start) },
        name: id,
        span: nameSpan,
        nameSpan,
      };
      assigns.push({ k: 'assign', targets: [target], value: { k: 'name', id, span: nameSpan }, span: this.span(p) });
    }
    if (assigns.length > 0) body.unshift(...assigns);
  }

  private decorators(node: TS.Node): Expr[] {
    const out: Expr[] = [];
    const mods = (node as WithModifiers).modifiers;
    if (mods) for (const m of mods) if ((m.kind as number) === K.Decorator) out.push(this.expr((m as TS.Decorator).expression));
    return out;
  }

  private classDef(c: TS.ClassLikeDeclaration, name: string, nameSpan: Span, span: Span): ClassDef {
    const decorators = this.decorators(c);
    const bases: Expr[] = [];
    if (c.heritageClauses) {
      for (const h of c.heritageClauses) {
        if ((h.token as number) === K.ExtendsKeyword) for (const t of h.types) bases.push(this.expr(t.expression));
      }
    }
    const body: Stmt[] = [];
    for (const m of c.members) {
      switch (m.kind as number) {
        case K.MethodDeclaration:
        case K.GetAccessor:
        case K.SetAccessor: {
          const fn = m as TS.MethodDeclaration | TS.AccessorDeclaration;
          if (!fn.body) break;
          body.push({ k: 'func', def: this.functionDef(fn, this.propName(fn.name), this.span(fn.name)), span: this.span(fn) });
          break;
        }
        case K.Constructor: {
          const ctor = m as TS.ConstructorDeclaration;
          if (!ctor.body) break;
          const at = this.text.indexOf('constructor', this.start(ctor));
          const nameSpan =
            at >= 0 && at < ctor.parameters.pos
              ? { start: this.base + at, end: this.base + at + 11 }
              : this.emptySpanAt(this.base + this.start(ctor));
          body.push({ k: 'func', def: this.functionDef(ctor, 'constructor', nameSpan), span: this.span(ctor) });
          break;
        }
        case K.PropertyDeclaration: {
          const p = m as TS.PropertyDeclaration;
          if (!p.initializer) break;
          // A field initializer assigns to the instance (`this.x = …`) or, when static, to the class.
          const fieldSpan = this.span(p.name);
          const owner = hasModifier(p, K.StaticKeyword) && c.name ? c.name.text : 'this';
          const target: Expr = {
            k: 'attr',
            obj: { k: 'name', id: owner, span: this.emptySpanAt(fieldSpan.start) },
            name: this.propName(p.name),
            span: fieldSpan,
            nameSpan: fieldSpan,
          };
          const constructing = this.constructingClass;
          this.constructingClass = owner === 'this' && c.name ? c.name.text : undefined;
          const value = this.valueOf(p.initializer, p.name);
          this.constructingClass = constructing;
          body.push({ k: 'assign', targets: [target], value, span: this.span(p) });
          break;
        }
        case K.ClassStaticBlockDeclaration: {
          const sb = m as TS.ClassStaticBlockDeclaration;
          body.push({ k: 'block', items: [], body: this.statements(sb.body.statements, false), span: this.span(sb) });
          break;
        }
      }
    }
    return { name, bases, body, span, nameSpan, decorators };
  }

  // ---- imports and exports --------------------------------------------------------------------

  private importDeclaration(imp: TS.ImportDeclaration, out: Stmt[]): void {
    if (!isStringLike(imp.moduleSpecifier)) return;
    const module = imp.moduleSpecifier.text;
    const span = this.span(imp);
    const clause = imp.importClause;
    if (clause && (clause.phaseModifier as number | undefined) === K.TypeKeyword) return;
    const before = out.length;
    if (clause?.name) out.push({ k: 'import', module, alias: clause.name.text, span });
    const bindings = clause?.namedBindings;
    if (bindings && (bindings.kind as number) === K.NamespaceImport) {
      out.push({ k: 'import', module, alias: (bindings as TS.NamespaceImport).name.text, span });
    } else if (bindings) {
      const names: { name: string; alias: string | null; span: Span }[] = [];
      for (const el of (bindings as TS.NamedImports).elements) {
        if (el.isTypeOnly) continue;
        names.push({
          name: el.propertyName ? el.propertyName.text : el.name.text,
          alias: el.propertyName ? el.name.text : null,
          span: this.span(el),
        });
      }
      if (names.length > 0) out.push({ k: 'importFrom', module, level: 0, names, star: false, span });
    }
    // `import 'm'` (or only type-only names): the module runs but binds nothing.
    if (
      out.length === before &&
      !(bindings && (bindings.kind as number) === K.NamedImports && (bindings as TS.NamedImports).elements.length > 0)
    ) {
      out.push({ k: 'importFrom', module, level: 0, names: [], star: false, span });
    }
  }

  private importEquals(imp: TS.ImportEqualsDeclaration, out: Stmt[], top: boolean): void {
    if (imp.isTypeOnly) return;
    const span = this.span(imp);
    const ref = imp.moduleReference;
    const alias = imp.name.text;
    if ((ref.kind as number) === K.ExternalModuleReference) {
      const m = (ref as TS.ExternalModuleReference).expression;
      if (!isStringLike(m)) return;
      out.push({ k: 'import', module: m.text, alias, span });
    } else {
      out.push({
        k: 'assign',
        targets: [{ k: 'name', id: alias, span: this.span(imp.name) }],
        value: this.entityName(ref as TS.EntityName),
        span,
      });
    }
    if (top && hasModifier(imp, K.ExportKeyword)) this.setExport(alias, alias);
  }

  private entityName(n: TS.EntityName): Expr {
    if ((n.kind as number) === K.Identifier) return { k: 'name', id: (n as TS.Identifier).text, span: this.span(n) };
    const q = n as TS.QualifiedName;
    return { k: 'attr', obj: this.entityName(q.left), name: q.right.text, span: this.span(q), nameSpan: this.span(q.right) };
  }

  private exportDeclaration(ed: TS.ExportDeclaration, out: Stmt[], top: boolean): void {
    if (ed.isTypeOnly) return;
    const span = this.span(ed);
    const module = isStringLike(ed.moduleSpecifier) ? ed.moduleSpecifier.text : undefined;
    const clause = ed.exportClause;
    if (!clause) {
      if (module !== undefined) out.push({ k: 'importFrom', module, level: 0, names: [], star: true, span });
      return;
    }
    if ((clause.kind as number) === K.NamespaceExport) {
      if (module === undefined) return;
      const alias = (clause as TS.NamespaceExport).name.text;
      out.push({ k: 'import', module, alias, span });
      if (top) this.setExport(alias, alias);
      return;
    }
    // Re-exports (`export { a as b } from 'm'`) are lowered as an import binding the exported name,
    // so the export map can point at a local name like every other export.
    const names: { name: string; alias: string | null; span: Span }[] = [];
    for (const el of (clause as TS.NamedExports).elements) {
      if (el.isTypeOnly) continue;
      const exported = el.name.text;
      const local = el.propertyName ? el.propertyName.text : exported;
      if (module !== undefined) {
        names.push({ name: local, alias: exported === local ? null : exported, span: this.span(el) });
        if (top) this.setExport(exported, exported);
      } else if (top) {
        this.setExport(exported, local);
        if (exported === 'default') this.setDefaultExport({ k: 'name', id: local, span: this.span(el.propertyName ?? el.name) });
      }
    }
    if (module !== undefined && names.length > 0) out.push({ k: 'importFrom', module, level: 0, names, star: false, span });
  }

  // ---- targets --------------------------------------------------------------------------------

  /** A binding name of a declaration: identifier, or array/object pattern as tuple/dict. */
  private bindingTarget(n: TS.BindingName): Expr {
    if ((n.kind as number) === K.Identifier) return { k: 'name', id: (n as TS.Identifier).text, span: this.span(n) };
    const span = this.span(n);
    if ((n.kind as number) === K.ArrayBindingPattern) {
      const elts: Expr[] = [];
      for (const el of (n as TS.ArrayBindingPattern).elements) {
        if ((el.kind as number) === K.OmittedExpression) elts.push({ k: 'unknown', children: [], span: this.span(el) });
        else if ((el as TS.BindingElement).dotDotDotToken)
          elts.push({ k: 'unknown', children: [this.bindingTarget((el as TS.BindingElement).name)], span: this.span(el) });
        else elts.push(this.bindingTarget((el as TS.BindingElement).name));
      }
      return { k: 'tuple', elts, span };
    }
    const entries: DictEntry[] = [];
    for (const el of (n as TS.ObjectBindingPattern).elements) {
      const value = this.bindingTarget(el.name);
      let key: Expr | null;
      if (el.dotDotDotToken) key = null;
      else if (el.propertyName) key = this.propKey(el.propertyName);
      else key = { k: 'str', value: (el.name as TS.Identifier).text, span: value.span };
      entries.push({ key, value, span: this.span(el) });
    }
    return { k: 'dict', entries, span };
  }

  /** The left side of an assignment expression; array/object literals there are destructuring patterns. */
  private target(e: TS.Expression): Expr {
    e = unwrapParens(e);
    switch (e.kind as number) {
      case K.ArrayLiteralExpression: {
        const elts: Expr[] = [];
        for (const el of (e as TS.ArrayLiteralExpression).elements) {
          if ((el.kind as number) === K.OmittedExpression) elts.push({ k: 'unknown', children: [], span: this.span(el) });
          else if ((el.kind as number) === K.SpreadElement)
            elts.push({ k: 'unknown', children: [this.target((el as TS.SpreadElement).expression)], span: this.span(el) });
          else elts.push(this.target(this.withoutDefault(el)));
        }
        return { k: 'tuple', elts, span: this.span(e) };
      }
      case K.ObjectLiteralExpression: {
        const entries: DictEntry[] = [];
        for (const p of (e as TS.ObjectLiteralExpression).properties) {
          if ((p.kind as number) === K.PropertyAssignment) {
            const pa = p as TS.PropertyAssignment;
            entries.push({ key: this.propKey(pa.name), value: this.target(this.withoutDefault(pa.initializer)), span: this.span(p) });
          } else if ((p.kind as number) === K.ShorthandPropertyAssignment) {
            entries.push(this.shorthandEntry(p as TS.ShorthandPropertyAssignment));
          } else if ((p.kind as number) === K.SpreadAssignment) {
            entries.push({ key: null, value: this.target((p as TS.SpreadAssignment).expression), span: this.span(p) });
          }
        }
        return { k: 'dict', entries, span: this.span(e) };
      }
      default:
        return this.expr(e);
    }
  }

  /** `x = 1` inside a destructuring pattern is `x` with a default. */
  private withoutDefault(e: TS.Expression): TS.Expression {
    if ((e.kind as number) === K.BinaryExpression && ((e as TS.BinaryExpression).operatorToken.kind as number) === K.EqualsToken)
      return (e as TS.BinaryExpression).left;
    return e;
  }

  // ---- expressions ----------------------------------------------------------------------------

  /** An expression that, when it is a function expression, is named after what it is bound to. */
  private valueOf(e: TS.Expression, nameNode: TS.Node | undefined, fallbackName = ANONYMOUS): Expr {
    const inner = unwrapParens(e);
    if (!isFunctionExpression(inner)) return this.expr(e);
    return this.lambda(inner, nameNode, fallbackName);
  }

  private lambda(fn: TS.ArrowFunction | TS.FunctionExpression, nameNode: TS.Node | undefined, fallbackName = ANONYMOUS): Expr {
    const span = this.span(fn);
    let name = fallbackName;
    let nameSpan = this.emptySpanAt(span.start);
    const own = (fn.kind as number) === K.FunctionExpression ? fn.name : undefined;
    if (own) {
      name = own.text;
      nameSpan = this.span(own);
    } else if (nameNode) {
      name = this.propName(nameNode);
      nameSpan = this.span(nameNode);
    }
    return { k: 'lambda', fn: this.functionDef(fn, name, nameSpan), span };
  }

  private propName(n: TS.Node): string {
    switch (n.kind as number) {
      case K.Identifier:
      case K.PrivateIdentifier:
      case K.StringLiteral:
      case K.NumericLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.BigIntLiteral:
        return (n as TS.Identifier).text;
      default:
        return this.source(n);
    }
  }

  private propKey(n: TS.PropertyName): Expr {
    switch (n.kind as number) {
      case K.ComputedPropertyName:
        return this.expr((n as TS.ComputedPropertyName).expression);
      case K.NumericLiteral:
      case K.BigIntLiteral:
        return this.expr(n);
      default:
        return { k: 'str', value: this.propName(n), span: this.span(n) };
    }
  }

  expr(n: TS.Node): Expr {
    if (this.depth >= MAX_EXPRESSION_DEPTH) return { k: 'unknown', children: [], span: this.span(n) };
    this.depth++;
    const e = this.lowerExpr(n);
    this.depth--;
    return e;
  }

  private lowerExpr(n: TS.Node): Expr {
    switch (n.kind as number) {
      case K.Identifier: {
        const id = (n as TS.Identifier).text;
        // The parser's stand-in for a missing identifier (`const a = ;`) names nothing.
        if (id === '') return { k: 'unknown', children: [], span: this.span(n) };
        if (id === 'undefined') return { k: 'const', value: undefined, span: this.span(n) };
        return { k: 'name', id, span: this.span(n) };
      }
      case K.PropertyAccessExpression: {
        const pa = n as TS.PropertyAccessExpression;
        const span = this.span(pa);
        return { k: 'attr', obj: this.expr(pa.expression), name: pa.name.text, span, nameSpan: this.span(pa.name) };
      }
      case K.CallExpression:
      case K.NewExpression: {
        const call = n as TS.CallExpression | TS.NewExpression;
        const span = this.span(call);
        const list = call.arguments;
        if (
          (n.kind as number) === K.NewExpression &&
          this.constructingClass !== undefined &&
          (call.expression.kind as number) === K.Identifier &&
          (call.expression as TS.Identifier).text === this.constructingClass
        ) {
          return { k: 'unknown', children: list ? this.args(list).map(a => a.value) : [], span };
        }
        const callee = this.expr(call.expression);
        // An argument list starts right after its `(`; `new X` has none.
        const argsSpan = list ? { start: this.base + list.pos - 1, end: this.base + call.end } : this.emptySpanAt(this.base + call.end);
        return { k: 'call', callee, args: list ? this.args(list) : [], span, argsSpan };
      }
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
        return { k: 'str', value: (n as TS.StringLiteral).text, span: this.span(n) };
      case K.NumericLiteral: {
        const span = this.span(n);
        // The scanner normalises `.text` (hex, separators, exponents) to a decimal string.
        return {
          k: 'num',
          value: Number((n as TS.NumericLiteral).text),
          raw: this.text.slice(span.start - this.base, span.end - this.base),
          span,
        };
      }
      case K.BigIntLiteral: {
        const span = this.span(n);
        const raw = this.text.slice(span.start - this.base, span.end - this.base);
        return { k: 'num', value: Number((n as TS.BigIntLiteral).text.slice(0, -1)), raw, span };
      }
      case K.ThisKeyword:
        return { k: 'name', id: 'this', span: this.span(n) };
      case K.SuperKeyword:
        return { k: 'name', id: 'super', span: this.span(n) };
      case K.ImportKeyword:
        return { k: 'name', id: 'import', span: this.span(n) };
      case K.TrueKeyword:
        return { k: 'const', value: true, span: this.span(n) };
      case K.FalseKeyword:
        return { k: 'const', value: false, span: this.span(n) };
      case K.NullKeyword:
        return { k: 'const', value: null, span: this.span(n) };
      case K.ElementAccessExpression: {
        const ea = n as TS.ElementAccessExpression;
        const span = this.span(ea);
        return { k: 'subscript', obj: this.expr(ea.expression), index: this.expr(ea.argumentExpression), span };
      }
      // Type-level wrappers and `await` are transparent: the analysis follows the value inside.
      case K.ParenthesizedExpression:
      case K.AsExpression:
      case K.SatisfiesExpression:
      case K.NonNullExpression:
      case K.TypeAssertionExpression:
      case K.AwaitExpression:
      case K.ExpressionWithTypeArguments:
        return this.expr((n as TS.ParenthesizedExpression).expression);
      case K.ArrowFunction:
      case K.FunctionExpression:
        return this.lambda(n as TS.ArrowFunction | TS.FunctionExpression, undefined);
      case K.BinaryExpression: {
        const b = n as TS.BinaryExpression;
        const span = this.span(b);
        const op: number = b.operatorToken.kind;
        if (op >= K.FirstAssignment && op <= K.LastAssignment) {
          // An assignment used as a value (`if ((m = f()))`) has no IR node of its own.
          return { k: 'unknown', children: [this.target(b.left), this.expr(b.right)], span };
        }
        return { k: 'binop', op: this.opText[op], left: this.expr(b.left), right: this.expr(b.right), span };
      }
      case K.ArrayLiteralExpression: {
        const span = this.span(n);
        const elts: Expr[] = [];
        for (const el of (n as TS.ArrayLiteralExpression).elements) {
          if ((el.kind as number) === K.OmittedExpression) elts.push({ k: 'unknown', children: [], span: this.span(el) });
          else elts.push(this.expr(el));
        }
        return { k: 'list', elts, span };
      }
      case K.ObjectLiteralExpression:
        return this.objectLiteral(n as TS.ObjectLiteralExpression);
      case K.PrefixUnaryExpression:
      case K.PostfixUnaryExpression: {
        const u = n as TS.PrefixUnaryExpression | TS.PostfixUnaryExpression;
        const span = this.span(u);
        return { k: 'unary', op: this.opText[u.operator], operand: this.expr(u.operand), span };
      }
      case K.TypeOfExpression:
        return this.unaryKeyword(n as TS.TypeOfExpression, 'typeof');
      case K.VoidExpression:
        return this.unaryKeyword(n as TS.VoidExpression, 'void');
      case K.DeleteExpression:
        return this.unaryKeyword(n as TS.DeleteExpression, 'delete');
      case K.ConditionalExpression: {
        const c = n as TS.ConditionalExpression;
        const span = this.span(c);
        return { k: 'cond', test: this.expr(c.condition), body: this.expr(c.whenTrue), orelse: this.expr(c.whenFalse), span };
      }
      case K.TemplateExpression: {
        const t = n as TS.TemplateExpression;
        const span = this.span(t);
        const children: Expr[] = [];
        for (const s of t.templateSpans) children.push(this.expr(s.expression));
        return { k: 'unknown', children, span };
      }
      case K.SpreadElement: {
        const s = n as TS.SpreadElement;
        const span = this.span(s);
        return { k: 'unknown', children: [this.expr(s.expression)], span };
      }
      case K.ClassExpression:
        return this.classExpression(n as TS.ClassExpression);
      default:
        return { k: 'unknown', children: this.children(n), span: this.span(n) };
    }
  }

  private unaryKeyword(n: TS.TypeOfExpression | TS.VoidExpression | TS.DeleteExpression, op: string): Expr {
    const span = this.span(n);
    return { k: 'unary', op, operand: this.expr(n.expression), span };
  }

  private args(list: TS.NodeArray<TS.Expression>): Arg[] {
    const out: Arg[] = [];
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      const span = this.span(a);
      if ((a.kind as number) === K.SpreadElement) out.push({ value: this.expr((a as TS.SpreadElement).expression), span, star: 1 });
      else out.push({ value: this.expr(a), span });
    }
    return out;
  }

  private objectLiteral(o: TS.ObjectLiteralExpression): Expr {
    const span = this.span(o);
    const entries: DictEntry[] = [];
    for (const p of o.properties) {
      const pspan = this.span(p);
      switch (p.kind as number) {
        case K.PropertyAssignment: {
          const pa = p as TS.PropertyAssignment;
          entries.push({ key: this.propKey(pa.name), value: this.valueOf(pa.initializer, pa.name), span: pspan });
          break;
        }
        case K.ShorthandPropertyAssignment:
          entries.push(this.shorthandEntry(p as TS.ShorthandPropertyAssignment));
          break;
        case K.SpreadAssignment:
          entries.push({ key: null, value: this.expr((p as TS.SpreadAssignment).expression), span: pspan });
          break;
        case K.MethodDeclaration:
        case K.GetAccessor:
        case K.SetAccessor: {
          const m = p as TS.MethodDeclaration | TS.AccessorDeclaration;
          const fn = this.functionDef(m, this.propName(m.name), this.span(m.name));
          entries.push({ key: this.propKey(m.name), value: { k: 'lambda', fn, span: pspan }, span: pspan });
          break;
        }
      }
    }
    return { k: 'dict', entries, span };
  }

  /** `{a}`: key 'a', value the name a. */
  private shorthandEntry(p: TS.ShorthandPropertyAssignment): DictEntry {
    const nameSpan = this.span(p.name);
    const id = p.name.text;
    return { key: { k: 'str', value: id, span: nameSpan }, value: { k: 'name', id, span: nameSpan }, span: this.span(p) };
  }

  /** No IR node for class expressions: keep bases, methods (as lambdas) and field values as children. */
  private classExpression(c: TS.ClassExpression): Expr {
    const span = this.span(c);
    const name = c.name ? c.name.text : ANONYMOUS;
    const def = this.classDef(c, name, c.name ? this.span(c.name) : this.emptySpanAt(span.start), span);
    const children: Expr[] = [...def.decorators, ...def.bases];
    for (const s of def.body) {
      if (s.k === 'func') children.push({ k: 'lambda', fn: s.def, span: s.span });
      else if (s.k === 'assign') children.push(s.value);
      else if (s.k === 'block')
        children.push({
          k: 'lambda',
          fn: { name: 'static', params: [], body: s.body, span: s.span, nameSpan: this.emptySpanAt(s.span.start), decorators: [] },
          span: s.span,
        });
    }
    return { k: 'unknown', children, span };
  }

  /** Expressions under a node the IR has no shape for (JSX, tagged templates, …), types skipped. */
  private children(n: TS.Node): Expr[] {
    const out: Expr[] = [];
    // JSX tag and attribute names are not references to values; only attribute values and
    // embedded expressions are kept.
    const visit = (child: TS.Node): void => {
      const k: number = child.kind;
      if (k >= K.FirstTypeNode && k <= K.LastTypeNode) return;
      if (LOWERED_EXPRESSION[k] === 1) out.push(this.expr(child));
      else if (this.depth >= MAX_EXPRESSION_DEPTH) return;
      else if (k === K.JsxOpeningElement) visit((child as TS.JsxOpeningElement).attributes);
      else if (k === K.JsxAttribute) {
        const init = (child as TS.JsxAttribute).initializer;
        if (init) visit(init);
      } else if (k !== K.JsxClosingElement) {
        // Nodes looked through count as levels too: they recurse like expressions.
        this.depth++;
        this.ts.forEachChild(child, visit);
        this.depth--;
      }
    };
    if ((n.kind as number) === K.JsxSelfClosingElement) visit((n as TS.JsxSelfClosingElement).attributes);
    else this.ts.forEachChild(n, visit);
    return out;
  }
}
