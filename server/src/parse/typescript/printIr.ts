import type { Arg, DictEntry, Expr, FunctionDef, Module, Param, Stmt } from '../../ir';

// A compact, language-neutral text form of the IR for tests and debugging: one statement per
// line, nested bodies indented, expressions in a JS-like notation where every operator is
// parenthesised so the tree shape is visible. Spans are not printed.

export function printExpr(e: Expr): string {
  switch (e.k) {
    case 'name':
      return e.id;
    case 'attr':
      return `${printExpr(e.obj)}.${e.name}`;
    case 'call':
      return `${printExpr(e.callee)}(${e.args.map(printArg).join(', ')})`;
    case 'subscript':
      return `${printExpr(e.obj)}[${printExpr(e.index)}]`;
    case 'num':
      return e.raw;
    case 'str':
      return JSON.stringify(e.value);
    case 'const':
      return String(e.value);
    case 'tuple':
      return `(${e.elts.map(printExpr).join(', ')}${e.elts.length === 1 ? ',' : ''})`;
    case 'list':
      return `[${e.elts.map(printExpr).join(', ')}]`;
    case 'dict':
      return `{${e.entries.map(printEntry).join(', ')}}`;
    case 'binop':
      return `(${printExpr(e.left)} ${e.op} ${printExpr(e.right)})`;
    case 'unary':
      return `(${e.op}${/^[a-z]/.test(e.op) ? ' ' : ''}${printExpr(e.operand)})`;
    case 'cond':
      return `(${printExpr(e.test)} ? ${printExpr(e.body)} : ${printExpr(e.orelse)})`;
    case 'lambda':
      return `lambda ${printSignature(e.fn)} { ${e.fn.body.map(s => printStmt(s, '').trim()).join('; ')} }`;
    case 'unknown':
      return `?(${e.children.map(printExpr).join(', ')})`;
  }
}

function printArg(a: Arg): string {
  const prefix = a.star === 2 ? '**' : a.star === 1 ? '*' : a.name !== undefined ? `${a.name}=` : '';
  return prefix + printExpr(a.value);
}

function printEntry(d: DictEntry): string {
  return d.key === null ? `**${printExpr(d.value)}` : `${printExpr(d.key)}: ${printExpr(d.value)}`;
}

function printParam(p: Param): string {
  const star = p.star === 2 ? '**' : p.star === 1 ? '*' : '';
  return `${star}${p.name}${p.default ? `=${printExpr(p.default)}` : ''}`;
}

function printSignature(f: FunctionDef): string {
  const decorators = f.decorators.map(d => `@${printExpr(d)} `).join('');
  return `${decorators}${f.isArrow ? '=>' : ''}${f.name}(${f.params.map(printParam).join(', ')})`;
}

function printBlock(body: Stmt[], indent: string): string {
  return body.map(s => printStmt(s, indent + '  ')).join('');
}

export function printStmt(s: Stmt, indent = ''): string {
  switch (s.k) {
    case 'assign':
      return `${indent}${s.targets.map(printExpr).join(' = ')} ${s.aug ?? ''}= ${printExpr(s.value)}\n`;
    case 'expr':
      return `${indent}${printExpr(s.expr)}\n`;
    case 'return':
      return `${indent}return${s.value ? ' ' + printExpr(s.value) : ''}\n`;
    case 'jump':
      return `${indent}${s.kind}\n`;
    case 'if':
      return (
        `${indent}if ${printExpr(s.test)}:\n${printBlock(s.body, indent)}` +
        (s.orelse.length > 0 ? `${indent}else:\n${printBlock(s.orelse, indent)}` : '')
      );
    case 'loop': {
      const head = s.target || s.iter ? ` ${s.target ? printExpr(s.target) : '_'} in ${s.iter ? printExpr(s.iter) : '_'}` : '';
      return (
        `${indent}${s.kind}${head}:\n${printBlock(s.body, indent)}` +
        (s.orelse.length > 0 ? `${indent}else:\n${printBlock(s.orelse, indent)}` : '')
      );
    }
    case 'block':
      return `${indent}block${s.items.length > 0 ? ' ' + s.items.map(printExpr).join(', ') : ''}:\n${printBlock(s.body, indent)}`;
    case 'func':
      return `${indent}def ${printSignature(s.def)}:\n${printBlock(s.def.body, indent)}`;
    case 'class': {
      const decorators = s.def.decorators.map(d => `@${printExpr(d)} `).join('');
      return `${indent}class ${decorators}${s.def.name}(${s.def.bases.map(printExpr).join(', ')}):\n${printBlock(s.def.body, indent)}`;
    }
    case 'import':
      return `${indent}import ${JSON.stringify(s.module)}${s.alias !== null ? ` as ${s.alias}` : ''}\n`;
    case 'importFrom': {
      const names = s.names.map(n => (n.alias !== null ? `${n.name} as ${n.alias}` : n.name));
      if (s.star) names.push('*');
      return `${indent}from ${'.'.repeat(s.level)}${JSON.stringify(s.module)} import ${names.length > 0 ? names.join(', ') : '()'}\n`;
    }
  }
}

/** The module's statements, then its exports (`export b=a` for exported name b bound to local a) and default export. */
export function printModule(m: Module): string {
  let out = m.body.map(s => printStmt(s)).join('');
  if (m.exports && m.exports.size > 0) {
    out += `exports ${[...m.exports].map(([exported, local]) => (exported === local ? exported : `${exported}=${local}`)).join(', ')}\n`;
  }
  if (m.defaultExport) out += `default ${printExpr(m.defaultExport)}\n`;
  return out;
}
