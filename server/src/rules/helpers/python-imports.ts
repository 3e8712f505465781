// Names a fix needs from a module: reuse an existing `import a.b as X` / `from a import b as X`,
// or add the import after the file's leading imports (after a shebang, encoding line, docstring
// and `from __future__` imports).
import type { TextReplacement } from '../../findings';
import { lineBreakOf } from '../../base/line-index';

/** An edit of the file the import goes into. */
type Edit = Omit<TextReplacement, 'uri'>;

export interface ModuleRef {
  /** How the code refers to the module (`F`, `torch.nn.functional`). */
  name: string;
  /** The import to add, when the module was not imported under a usable name. */
  edit?: Edit;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A top-level name for `module` (`torch.nn.functional`), preferring `alias` when the import has to be added. */
export function pythonModuleRef(text: string, module: string, alias: string): ModuleRef {
  const dot = module.lastIndexOf('.');
  const parent = module.slice(0, dot);
  const leaf = module.slice(dot + 1);
  const asImport = new RegExp(`^[ \\t]*import[ \\t]+${escape(module)}[ \\t]+as[ \\t]+([A-Za-z_]\\w*)[ \\t]*(?:#.*)?$`, 'm').exec(text);
  if (asImport) return { name: asImport[1] };
  const fromImport = new RegExp(
    `^[ \\t]*from[ \\t]+${escape(parent)}[ \\t]+import[ \\t]+${escape(leaf)}(?:[ \\t]+as[ \\t]+([A-Za-z_]\\w*))?[ \\t]*(?:#.*)?$`,
    'm',
  ).exec(text);
  if (fromImport) return { name: fromImport[1] ?? leaf };
  // `alias` already means something else in this file: spell the module out instead.
  const aliasUsed = new RegExp(`(?<![\\w.])${escape(alias)}(?!\\w)`).test(text);
  if (aliasUsed) {
    const plain = new RegExp(`^[ \\t]*import[ \\t]+${escape(module.split('.')[0])}(?:[ \\t]*(?:#.*)?$|[ \\t]*,|\\.)`, 'm').test(text);
    if (plain) return { name: module };
    return { name: module, edit: importEdit(text, `import ${module}`) };
  }
  return { name: alias, edit: importEdit(text, `import ${module} as ${alias}`) };
}

/** Inserts `statement` on its own line after the leading block of top-level imports. */
export function importEdit(text: string, statement: string): Edit {
  // The file's own line break; lines end at `\n`, `\r\n` or a lone `\r`, as Python reads them.
  const eol = lineBreakOf(text);
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  // A byte order mark stays the first character.
  let offset = text.startsWith('\uFEFF') ? 1 : 0;
  if (offset) lines[0] = lines[0].slice(1);
  let insertAt = 0;
  let i = 0;
  // Shebang, encoding and comment lines, blank lines, then an optional module docstring.
  const skipTrivia = () => {
    while (i < lines.length && /^[ \t\f]*(#[^\r\n]*)?(\r\n|\r|\n)?$/.test(lines[i])) {
      offset += lines[i].length;
      i++;
    }
  };
  skipTrivia();
  insertAt = offset;
  const doc = /^[rRuU]?("""|''')/.exec(lines[i] ?? '');
  if (doc) {
    const quote = doc[1];
    let rest = (lines[i] ?? '').slice(doc[0].length);
    while (i < lines.length) {
      const closed = rest.includes(quote);
      offset += lines[i].length;
      i++;
      if (closed) break;
      rest = lines[i] ?? '';
    }
    insertAt = offset;
  }
  // Top-level imports (possibly parenthesised over several lines), with comments and blank lines between.
  for (;;) {
    const start = i;
    let o = offset;
    while (i < lines.length && /^[ \t\f]*(#[^\r\n]*)?(\r\n|\r|\n)?$/.test(lines[i])) {
      o += lines[i].length;
      i++;
    }
    if (i < lines.length && /^(import|from)\s/.test(lines[i])) {
      let depth = 0;
      do {
        const l = lines[i].replace(/#[^\r\n]*/, '');
        for (const c of l) depth += c === '(' ? 1 : c === ')' ? -1 : 0;
        o += lines[i].length;
        i++;
      } while (i < lines.length && (depth > 0 || /\\(\r\n|\r|\n)$/.test(lines[i - 1])));
      offset = o;
      insertAt = o;
      continue;
    }
    i = start;
    break;
  }
  const before = text.slice(0, insertAt);
  const needsEol = before.length > 0 && !/[\r\n]$/.test(before) && before !== '\uFEFF';
  return { span: { start: insertAt, end: insertAt }, newText: `${needsEol ? eol : ''}${statement}${eol}` };
}
