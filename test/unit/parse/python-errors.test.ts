// Broken and huge Python never makes the front end throw: syntax errors are reported with a
// message and a span, and everything that still parsed is lowered.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FrontEnd } from '../../../server/src/parse/frontend';
import { loadPython, printModule } from './pythonTestSupport';

let fe: FrontEnd;
before(async () => {
  fe = await loadPython();
});

const cases: { what: string; src: string; errors: RegExp[]; errorText: string[]; keeps: string[] }[] = [
  {
    what: 'missing parenthesis in a parameter list',
    src: 'def f(:\n    return g(1)\n',
    errors: [/^Syntax error: missing '\)'$/],
    errorText: [''],
    keeps: ['def f():\n  return g(1=1)\n'],
  },
  {
    what: 'missing iterable',
    src: 'for x in :\n    f(x)\n',
    errors: [/^Syntax error: missing identifier$/],
    errorText: [''],
    keeps: ['  f(x)\n'],
  },
  {
    what: 'stray character',
    src: 'a = 1 $ 2\nloss = F.cross_entropy(p, y)\n',
    errors: [/^Syntax error: unexpected '1 \$'$/],
    errorText: ['1 $'],
    keeps: ['loss = F.cross_entropy(p, y)\n'],
  },
  {
    what: 'two expressions without a comma',
    src: 'f(a b)\n',
    errors: [/^Syntax error: unexpected 'b'$/],
    errorText: ['b'],
    keeps: ['f(a, ?(b))\n'],
  },
  {
    what: 'unfinished binary expression before a later function',
    src: 'def f(x):\n  return x +\n\ndef g(): return h()\n',
    errors: [/^Syntax error: unexpected 'return x \+'$/],
    errorText: ['return x +'],
    keeps: ['def g():\n  return h()\n'],
  },
  {
    what: 'class header without colon',
    src: 'class A\n    def f(self): return 1\n\nmodel = Net()\n',
    errors: [/^Syntax error: unexpected/],
    errorText: ['def f'],
    keeps: ['model = Net()\n'],
  },
  {
    what: 'unterminated string',
    src: 'x = "abc\ny = softmax(z)\n',
    errors: [/^Syntax error/],
    errorText: [],
    keeps: ['softmax(z)'],
  },
];

describe('python syntax errors', () => {
  for (const c of cases) {
    test(c.what, () => {
      const m = fe.parse('file:///err.py', c.src);
      assert.equal(m.syntaxErrors.length, c.errors.length, JSON.stringify(m.syntaxErrors));
      m.syntaxErrors.forEach((e, k) => {
        assert.match(e.message, c.errors[k]);
        if (c.errorText[k] !== undefined) assert.equal(c.src.slice(e.span.start, e.span.end), c.errorText[k]);
      });
      const printed = printModule(m);
      for (const part of c.keeps) assert.ok(printed.includes(part), `expected ${JSON.stringify(part)} in\n${printed}`);
    });
  }

  test('every prefix of a real file parses without throwing, errors inside the text', () => {
    const src =
      'import torch\nclass Net(nn.Module):\n    def forward(self, x: "T", *a, k=1, **kw):\n        return F.softmax(self.fc(x)[0, 1:], dim=-1) if x else [y for y in x]\n@d\nasync def g():\n    async with a() as b:\n        await c(f"{d!r:>{w}}")\n';
    for (let n = 0; n <= src.length; n++) {
      const text = src.slice(0, n);
      const m = fe.parse('file:///prefix.py', text);
      for (const e of m.syntaxErrors) assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.message.startsWith('Syntax error'));
    }
    fe.forget('file:///prefix.py');
  });

  test('garbage input does not throw', () => {
    const junk = [
      '',
      '\0\0\0',
      ')))(((',
      '"""',
      '\\',
      'def',
      '@',
      'lambda',
      'x = = = 1',
      '\t\n  \t\n',
      'class:',
      'from . import',
      'if:\n else:\n',
      '\ud800 lone surrogate',
      '𝔼'.repeat(1000),
    ];
    for (const j of junk) {
      const m = fe.parse('file:///junk.py', j);
      assert.equal(m.language, 'python');
      assert.ok(Array.isArray(m.body));
    }
    fe.forget('file:///junk.py');
  });

  test('pathological nesting is cut off instead of overflowing the stack', () => {
    const deep = 'x = ' + '('.repeat(3000) + '1' + ')'.repeat(3000) + '\n';
    const chain = 'y = ' + Array.from({ length: 20000 }, (_, i) => `a${i}`).join(' + ') + '\nz = f()\n';
    const calls = 'w = ' + 'f('.repeat(2000) + ')'.repeat(2000) + '\n';
    for (const src of [deep, chain, calls]) {
      const m = fe.parse('file:///deep.py', src);
      assert.ok(m.body.length >= 1);
    }
    fe.forget('file:///deep.py');
    const m = fe.parse('file:///deep.py', chain);
    assert.ok(printModule(m).includes('z = f()'));
    fe.forget('file:///deep.py');
  });

  test('a 5 MB file parses and lowers without crashing', () => {
    // Half code, half docstring: big offsets and a big tree, at a cost the whole test suite can afford.
    const doc = 'Doc é 𝔼. '.repeat(110);
    const unit = `class M(nn.Module):\n    """${doc}"""\n    def forward(self, x):\n        h = self.fc(x)  # é 𝔼\n        return F.log_softmax(h, dim=1)\n\n`;
    const text = unit.repeat(Math.ceil(5_000_000 / unit.length));
    assert.ok(text.length >= 5_000_000);
    const m = fe.parse('file:///big.py', text);
    assert.deepEqual(m.syntaxErrors, []);
    assert.equal(m.body.length, Math.ceil(5_000_000 / unit.length));
    assert.equal(
      printModule({ ...m, body: m.body.slice(-1) }),
      `class M(nn.Module):\n  "${doc}"\n  def forward(self, x):\n    h = self.fc(x)\n    return F.log_softmax(h, dim=1=1)\n`,
    );
    // and an incremental edit at the end of it
    const lines = text.split('\n').length - 1;
    const edited = fe.parse('file:///big.py', text + 'x = 1\n', [
      { range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: 'x = 1\n' },
    ]);
    assert.equal(edited.body.length, m.body.length + 1);
    fe.forget('file:///big.py');
  });
});
