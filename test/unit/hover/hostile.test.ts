// Hovers are inert whatever the document holds: source text shown in a hover (string literals as
// written, names, messages quoting code) can never close its code span or form a link, an image,
// HTML or a command link. The Markdown is rendered with `marked` (the renderer VS Code uses for
// hovers, GFM on) and every link and image target is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marked } from 'marked';
import { workspaceOf } from '../../helpers/analysis';
import { buildHoverIndex, hoverAt } from '../../../server/src/hover/index';
import { code, escapeUserText, escapeMarkdown } from '../../../server/src/hover/format';
import { markdownToPlainText } from '../../../server/src/hover/render';

const PAYLOAD = [
  ') [click](https://evil.example/a) ![img](https://evil.example/i.png)',
  '[run](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
  '<img src="https://evil.example/h.png"> <a href="https://evil.example/h">h</a>',
  'https://evil.example/auto www.evil.example me@evil.example &lt;b&gt; **bold** # head',
].join(' ');

/** Every link and image target in the rendered HTML (raw HTML tags included). */
function targets(markdown: string): string[] {
  const html = marked.parse(markdown, { gfm: true, async: false });
  return [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map(m => m[1]);
}

/** Only LossLens's own targets: the curve image, the Loss Explorer command, the rule docs. */
function assertInert(markdown: string, what: string): void {
  for (const url of targets(markdown)) {
    const ours =
      url.startsWith('data:image/svg+xml') ||
      url.startsWith('command:losslens.openExplorer?') ||
      url.startsWith('https://github.com/losslens/losslens/');
    assert.ok(ours && !url.includes('evil.example'), `${what}: a target from the document: ${url}`);
  }
}

for (const fence of ['`', '``', '```', '````']) {
  test(`a string literal holding ${fence} cannot break out of its code span in a loss hover`, async () => {
    const literal = `"${fence}${PAYLOAD}${fence}"`;
    const py = `import torch.nn as nn\n\ncriterion = nn.CrossEntropyLoss(reduction=${literal}, label_smoothing=${literal})\n`;
    const { ws, uriOf } = await workspaceOf({ 'train.py': py });
    const index = buildHoverIndex(ws.inspect(uriOf('train.py')), uriOf('train.py'));
    const r = hoverAt(index, py, py.indexOf('CrossEntropyLoss') + 2, { plots: 'image' });
    assert.ok(r, 'a hover');
    assert.ok(r.markdown.includes('evil.example'), 'the literal is shown');
    assertInert(r.markdown, `fence ${fence}`);
    // The text rendering drops command links and keeps the literal readable.
    assert.doesNotMatch(markdownToPlainText(r.markdown), /\]\(command:/);
  });
}

test('code() and escapeUserText() keep any text inert', () => {
  const samples = [
    PAYLOAD,
    `\`\`${PAYLOAD}\`\``,
    `\`${PAYLOAD}`,
    `${PAYLOAD}\``,
    '````',
    '`a``b```c',
    'x\n\n# title\n[l](https://evil.example)',
  ];
  for (const s of samples) {
    assertInert(code(s), `code(${JSON.stringify(s)})`);
    assertInert(`Here ${escapeUserText(s)}.`, `escapeUserText(${JSON.stringify(s)})`);
    // The rendered text says what the document says.
    const html = marked.parse(code(s), { gfm: true, async: false });
    assert.match(html, /^<p><code>/, `one code span for ${JSON.stringify(s)}`);
  }
  // LossLens's own text keeps its light escaping.
  assert.equal(escapeMarkdown('P(c | z) = softmax(z)_c'), 'P(c \\| z) = softmax(z)\\_c');
});
