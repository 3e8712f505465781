// The parts of the explorer's host that need no VS Code: the page HTML with its CSP, and the snippets
// that "Insert snippet" and "Copy" produce (the catalog's default row, like the selector's first choice).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog } from '../../core/src/index';
import { contentSecurityPolicy, explorerHtml, makeNonce } from '../../client/src/common/explorer/html';
import { frameworkOf } from '../../client/src/common/explorer/snippet';
import { defaultLossSnippet } from '../../client/src/common/selector/snippets';
import { compileTemplate, escapeSnippetText } from '../../client/src/common/selector/template';

test('the page HTML: strict CSP, one nonce script, one stylesheet, nothing inline', () => {
  const nonce = makeNonce();
  assert.match(nonce, /^[0-9a-f]{32}$/);
  assert.notEqual(makeNonce(), nonce);
  const html = explorerHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://x/explorer.js',
    styleUri: 'https://x/explorer.css',
    nonce,
  });
  const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', nonce);
  assert.ok(html.includes(`content="${csp}"`));
  assert.match(csp, /^default-src 'none'; /);
  assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'$`));
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  assert.doesNotMatch(html, /style=|<style|\son[a-z]+=/i);
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.ok(html.includes(`<script nonce="${nonce}" src="https://x/explorer.js"></script>`));
  assert.throws(() => explorerHtml({ cspSource: "x; script-src 'unsafe-inline'", scriptUri: '', styleUri: '', nonce }), /cspSource/);
  assert.throws(() => explorerHtml({ cspSource: 'x', scriptUri: '', styleUri: '', nonce: 'short' }), /nonce/);
  // The web workbench's source list has spaces and quoted keywords: it must be accepted as is.
  const web = "http://localhost:3000/static/devextensions/ 'self' https://*.vscode-cdn.net";
  assert.ok(
    explorerHtml({ cspSource: web, scriptUri: '', styleUri: '', nonce }).includes(`style-src ${web}`.replace(/'/g, '&#39;')) ||
      explorerHtml({ cspSource: web, scriptUri: '', styleUri: '', nonce }).includes(`style-src ${web}`),
  );
});

test('framework of a document: language, then imports', () => {
  const cases: [string, string, string | null][] = [
    ['python', 'import torch\nimport torch.nn as nn\n', 'torch'],
    ['python', 'from tensorflow import keras\n', 'keras'],
    ['python', 'import keras\n', 'keras'],
    ['python', 'import tensorflow as tf\nimport torch\n', 'torch'],
    ['python', '', 'torch'],
    ['typescript', "import * as tf from '@tensorflow/tfjs';", 'tfjs'],
    ['javascriptreact', '', 'tfjs'],
    ['markdown', 'import torch', null],
  ];
  for (const [lang, text, expected] of cases) assert.equal(frameworkOf(lang, text), expected, `${lang}: ${text}`);
});

test("snippets put the explorer's parameter values in tab stops", () => {
  const focal = defaultLossSnippet('sigmoidFocalLoss', 'torch', { alpha: 0.5, gamma: 3 })!;
  assert.match(focal.snippet, /alpha=\$\{\d+:0\.5\}, gamma=\$\{\d+:3\.0\}/);
  assert.match(focal.plain, /alpha=0\.5, gamma=3\.0/);
  assert.ok(focal.snippet.endsWith('$0'));
  const huber = defaultLossSnippet('huberLoss', 'keras', { delta: 2.25 })!;
  assert.match(huber.snippet, /Huber\(delta=\$\{\d+:2\.25\}\)/);
  // Defaults are the catalog's when no value is given.
  assert.match(defaultLossSnippet('huberLoss', 'torch', {})!.plain, /delta=1\.0/);
  assert.equal(defaultLossSnippet('notALoss', 'torch', {}), undefined);
});

test('every catalog snippet survives the snippet syntax: plain text round-trips through the escaping', () => {
  for (const entry of catalog) {
    for (const fw of ['torch', 'keras', 'tfjs'] as const) {
      const s = defaultLossSnippet(entry.id, fw, {})!;
      const language = fw === 'tfjs' ? 'javascript' : 'python';
      assert.equal(
        s.plain,
        compileTemplate(entry.snippets[fw][0].template, entry.params, language).plain,
        `${entry.id}/${fw}: plain text is the catalog's first row`,
      );
      // Unescaping the snippet (dropping tab stops) gives the plain text back.
      const unescaped = s.snippet
        .replace(/\$\{\d+:((?:\\.|[^}])*)\}/g, '$1')
        .replace(/\$0$/, '')
        .replace(/\\([\\$}])/g, '$1');
      assert.equal(unescaped, s.plain, `${entry.id}/${fw}`);
    }
  }
  assert.equal(escapeSnippetText('a$b}c\\d'), 'a\\$b\\}c\\\\d');
});
