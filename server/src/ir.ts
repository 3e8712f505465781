// The small language-neutral IR that both front ends (Python via tree-sitter, TS/JS via the
// TypeScript compiler) lower to, so that one value-kind engine and one set of rule files serve both.
// Only what the analysis needs is kept; anything else becomes `unknown` with its children, so
// calls nested inside unsupported syntax are still seen.

/** Half-open range of UTF-16 code-unit offsets into the document text (what LSP and JS strings use). */
export interface Span {
  start: number;
  end: number;
}

export type Language = 'python' | 'typescript';

export interface Arg {
  /** Keyword name (`dim=1`), or the property of a single object-literal argument is NOT split: TS keeps `{...}` as a dict. */
  name?: string;
  value: Expr;
  span: Span;
  /** `*args` / `**kwargs` / `...spread` */
  star?: 1 | 2;
}

export type Expr =
  | { k: 'name'; id: string; span: Span }
  | { k: 'attr'; obj: Expr; name: string; span: Span; nameSpan: Span }
  | { k: 'call'; callee: Expr; args: Arg[]; span: Span; /** span of the parenthesised argument list */ argsSpan: Span }
  | { k: 'subscript'; obj: Expr; index: Expr; span: Span }
  | { k: 'num'; value: number; raw: string; span: Span }
  | { k: 'str'; value: string; span: Span }
  /** True/False/None (Python), true/false/null/undefined (JS) */
  | { k: 'const'; value: boolean | null | undefined; span: Span }
  | { k: 'tuple'; elts: Expr[]; span: Span }
  | { k: 'list'; elts: Expr[]; span: Span }
  /** Python dict literal or JS object literal; `key` is null for `**x` / `...x` entries, shorthand `{a}` has key 'a' and value name a. */
  | { k: 'dict'; entries: DictEntry[]; span: Span }
  /** Arithmetic, comparison and boolean operators: `op` as written (`+`, `*`, `-`, `/`, `**`, `@`, `<`, `and`, `&&`, `is`, …). */
  | { k: 'binop'; op: string; left: Expr; right: Expr; span: Span }
  | { k: 'unary'; op: string; operand: Expr; span: Span }
  /** `a if t else b` / `t ? a : b` */
  | { k: 'cond'; test: Expr; body: Expr; orelse: Expr; span: Span }
  /** lambda / arrow function / function expression */
  | { k: 'lambda'; fn: FunctionDef; span: Span }
  /** Anything else (comprehensions, await, f-strings, …): children kept so nested calls are still analysed. */
  | { k: 'unknown'; children: Expr[]; span: Span };

export interface DictEntry {
  key: Expr | null;
  value: Expr;
  span: Span;
}

export type Stmt =
  /** `a = b = v`, `x, y = f()`, `self.h = ...`, `const {a, b} = ...` (dict pattern as a `dict` target), `x += v` (aug = '+'). */
  | { k: 'assign'; targets: Expr[]; value: Expr; aug?: string; span: Span }
  | { k: 'expr'; expr: Expr; span: Span }
  | { k: 'return'; value: Expr | null; span: Span }
  /**
   * The path ends here without returning: `raise`/`throw` and `assert False` (`raise`), `break`, `continue`.
   * What they evaluate comes before it as expression statements.
   */
  | { k: 'jump'; kind: 'raise' | 'break' | 'continue'; span: Span }
  | { k: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[]; span: Span }
  /** for / while / do; `target` and `iter` are set for `for x in it` / `for (const x of it)`. */
  | { k: 'loop'; kind: 'for' | 'while'; target: Expr | null; iter: Expr | null; body: Stmt[]; orelse: Stmt[]; span: Span }
  /** with / try / bare blocks: executed in order (handlers and finally included). `items` holds `with` context expressions. */
  | { k: 'block'; items: Expr[]; body: Stmt[]; span: Span }
  | { k: 'func'; def: FunctionDef; span: Span }
  | { k: 'class'; def: ClassDef; span: Span }
  /** `import a.b.c` binds `a` (alias null) ; `import a.b as x` binds x; JS `import * as tf from 'm'`, `import tf from 'm'`, `const tf = require('m')`. */
  | { k: 'import'; module: string; alias: string | null; span: Span }
  /** `from m import a as b` / `import { a as b } from 'm'` / `const { a } = require('m')`. level = leading dots in Python (relative). JS relative modules keep their './' in `module`, level 0. */
  | {
      k: 'importFrom';
      module: string;
      level: number;
      names: { name: string; alias: string | null; span: Span }[];
      star: boolean;
      span: Span;
    };

export interface Param {
  name: string;
  /** `*args` = 1, `**kwargs` = 2, JS rest = 1 */
  star?: 1 | 2;
  default: Expr | null;
  span: Span;
  /** The annotation when it is a (dotted) name, `model: SegNet` → `SegNet` (a quoted name too). */
  annotation?: string;
}

export interface FunctionDef {
  name: string;
  params: Param[];
  body: Stmt[];
  span: Span;
  nameSpan: Span;
  decorators: Expr[];
  /** JS arrow function with expression body is lowered to `[return expr]`. */
  isArrow?: boolean;
}

export interface ClassDef {
  name: string;
  bases: Expr[];
  body: Stmt[];
  span: Span;
  nameSpan: Span;
  decorators: Expr[];
}

export interface SyntaxProblem {
  span: Span;
  message: string;
}

/** One lowered source file. `exports` (TS/JS only) maps exported names to local names; Python exports every top-level name. */
export interface Module {
  language: Language;
  body: Stmt[];
  syntaxErrors: SyntaxProblem[];
  exports?: Map<string, string>;
  /** TS/JS `export default <expr>` */
  defaultExport?: Expr;
}
