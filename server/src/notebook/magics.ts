// IPython syntax that is not Python: line magics (`%time f()`), cell magics (`%%bash` …), shell
// escapes (`!pip install`, `x = !ls`), help (`model?`, `??obj`) and autocall escapes (`/f x`).
// Such lines are blanked, keeping every line (and its line ending) so that positions in the rest of
// the cell are unchanged. Only lines that start a logical Python line are considered: a `%` that
// continues an expression inside brackets (`(a\n % b)`) is the modulo operator.

/** Cell magics whose body is Python that runs in the notebook's namespace. */
const PYTHON_BODY_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

interface ScanState {
  depth: number;
  /** The open triple quote, when a triple-quoted string continues past the line. */
  triple: '"""' | "'''" | undefined;
  /** The previous line ended with a backslash continuation. */
  continued: boolean;
}

/** Splits `text` into lines, each with its own line ending (`\n`, `\r\n`, `\r` or none for the last). */
export function splitLines(text: string): { body: string; eol: string }[] {
  const out: { body: string; eol: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ body: text.slice(at, m.index), eol: m[0] });
    at = m.index + m[0].length;
  }
  out.push({ body: text.slice(at), eol: '' });
  return out;
}

/** Whether a line that starts a logical line is IPython-only syntax. */
function isIPythonLine(body: string): boolean {
  const t = body.trim();
  if (t === '') return false;
  if (/^(?:%|!|\?|\/[A-Za-z_]|[,;][A-Za-z_])/.test(t)) return true;
  // `files = !ls`, `out = %sx ls`
  if (/^[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*[!%]/.test(t)) return true;
  // `model?`, `np.mean??` (a `?` cannot end a Python line outside a string or comment)
  if (/^[A-Za-z_][\w.[\]'"()]*\?{1,2}$/.test(t)) return true;
  return false;
}

/**
 * Advances the scanner over one line: brackets, strings and comments. Good enough to know whether
 * the next line starts a logical line; it does not validate Python.
 */
function scanLine(body: string, s: ScanState): void {
  let i = 0;
  const n = body.length;
  while (i < n) {
    if (s.triple) {
      const close = s.triple;
      while (i < n) {
        if (body[i] === '\\') {
          i += 2;
          continue;
        }
        if (body.startsWith(close, i)) {
          i += 3;
          s.triple = undefined;
          break;
        }
        i++;
      }
      continue;
    }
    const c = body[i];
    if (c === '#') break;
    if (c === '"' || c === "'") {
      const q3 = c.repeat(3);
      if (body.startsWith(q3, i)) {
        s.triple = q3 as '"""' | "'''";
        i += 3;
        continue;
      }
      i++;
      while (i < n && body[i] !== c) i += body[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') s.depth++;
    else if ((c === ')' || c === ']' || c === '}') && s.depth > 0) s.depth--;
    i++;
  }
  s.continued = !s.triple && /\\$/.test(body) && !/#/.test(body.slice(body.lastIndexOf('\\')));
}

/** What replaces a blanked line: nothing at the top level, `pass` inside a block (keeps it valid). */
function blank(body: string): string {
  const indent = /^[ \t]*/.exec(body)![0];
  return indent.length > 0 && indent.length < body.length ? indent + 'pass' : '';
}

export interface PythonCell {
  /** The cell's text with IPython-only lines blanked; same number of lines and line endings. */
  text: string;
  /** 0-based lines that were blanked. */
  blanked: Set<number>;
}

/** The Python a code cell runs: IPython-only lines blanked (line count and line endings kept). */
export function pythonOfCell(source: string): PythonCell {
  const lines = splitLines(source);
  const blanked = new Set<number>();
  /** Blanked lines that must become empty (a `pass` there would be an indentation error). */
  const empty = new Set<number>();
  const firstCode = lines.findIndex(l => l.body.trim() !== '');
  const cellMagic = firstCode >= 0 ? /^\s*%%([A-Za-z_]\w*)/.exec(lines[firstCode].body) : null;
  if (cellMagic) {
    const keepBody = PYTHON_BODY_CELL_MAGICS.has(cellMagic[1]);
    blanked.add(firstCode);
    if (!keepBody)
      for (let i = firstCode + 1; i < lines.length; i++) {
        blanked.add(i);
        empty.add(i);
      }
  }
  const s: ScanState = { depth: 0, triple: undefined, continued: false };
  let inMagic = false;
  for (let i = 0; i < lines.length; i++) {
    if (blanked.has(i)) continue;
    const body = lines[i].body;
    const logicalStart = s.depth === 0 && !s.triple && !s.continued;
    if (inMagic || (logicalStart && isIPythonLine(body))) {
      blanked.add(i);
      if (inMagic) empty.add(i);
      // A magic continues onto the next line with a trailing backslash.
      inMagic = /\\\s*$/.test(body);
      s.continued = false;
      continue;
    }
    scanLine(body, s);
  }
  if (blanked.size === 0) return { text: source, blanked };
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const body = lines[i].body;
    // A line magic inside a block becomes `pass`; its continuation lines and a cell magic's body, nothing.
    const replaced = !blanked.has(i) ? body : empty.has(i) ? '' : blank(body);
    text += replaced + lines[i].eol;
  }
  return { text, blanked };
}
