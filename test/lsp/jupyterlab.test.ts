// JupyterLab (jupyterlab-lsp): the server spec in editors/jupyterlab/jupyter_server_config.json is
// valid for jupyter-lsp (its own schema, committed in test/fixtures/schemas), and the server, started
// as that spec says, answers the document jupyterlab-lsp sends for a notebook.
//
// What jupyterlab-lsp sends (read from jupyterlab-lsp and @jupyterlab/lsp): one "virtual document"
// per notebook, languageId the kernel's language (`python`); its URI is the notebook's path under the
// server's root (`requires_documents_on_disk: false`; otherwise under `.virtual_documents/`). The text
// is each code cell's lines joined with `\n` plus a final `\n`, the cells joined with two blank lines
// (`\n\n`), so the document ends with `\n`. IPython syntax is rewritten to Python first: `%name args`
// → `get_ipython().run_line_magic("name", " args")`, `!cmd` → `get_ipython().getoutput("cmd")`,
// `name?` → `get_ipython().run_line_magic('pinfo',  'name')`, a `%%time` cell is wrapped in
// `# START_CELL_MAGIC("time", "")` … `# END_CELL_MAGIC`. Every edit sends the whole text again
// (`didChange` without a range). Diagnostics are pushed (`publishDiagnostics`).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const REPO = join(__dirname, '..', '..', '..');
const config = JSON.parse(readFileSync(join(REPO, 'editors', 'jupyterlab', 'jupyter_server_config.json'), 'utf8')) as {
  LanguageServerManager: { language_servers: Record<string, { argv: string[]; languages: string[]; mime_types: string[] }> };
};

const dir = mkdtempSync(join(tmpdir(), 'losslens-jupyterlab-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const clients: TestClient[] = [];
after(() => clients.forEach(c => c.kill()));

test('the jupyter-lsp spec: valid against jupyter-lsp schema, starts `node …/dist/server.js --stdio` for Python', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'schemas', 'jupyter-lsp-schema.json'), 'utf8')), 'jupyter-lsp');
  const validate = ajv.getSchema('jupyter-lsp#/definitions/language-server-spec');
  assert.ok(validate);
  const servers = Object.entries(config.LanguageServerManager.language_servers);
  assert.deepEqual(
    servers.map(([key]) => key),
    ['losslens'],
  );
  const [, spec] = servers[0];
  assert.ok(validate(spec), ajv.errorsText(validate.errors));
  // The schema is really applied: a spec without argv is refused.
  const { argv: _argv, ...withoutArgv } = spec;
  assert.equal(validate(withoutArgv), false);

  assert.deepEqual(spec.argv, ['node', '/path/to/losslens/dist/server.js', '--stdio'], 'what the README tells to adapt');
  assert.deepEqual(spec.languages, ['python']);
  assert.ok(spec.mime_types.includes('text/x-ipython'), 'notebook cells');
  assert.ok(spec.mime_types.includes('text/x-python'), 'Python files');
});

/** A notebook's virtual document, as jupyterlab-lsp builds it from (already rewritten) code cells. */
function virtualDocument(cells: string[][]): string {
  return cells.map(lines => lines.join('\n') + '\n').join('\n\n');
}

const IMPORTS = [
  'get_ipython().run_line_magic("matplotlib", " inline")',
  'import torch',
  'import torch.nn as nn',
  'import torch.nn.functional as F',
]; // `%matplotlib inline` first
const MODEL = [
  'get_ipython().getoutput("pip install -q torchvision")',
  'model = nn.Sequential(',
  '    nn.Linear(784, 10),',
  '    nn.Softmax(dim=1),',
  ')',
]; // `!pip install -q torchvision` first
const PINFO = ["get_ipython().run_line_magic('pinfo',  'model')"]; // `model?`
const TIMED_STEP = [
  '# START_CELL_MAGIC("time", "")', // `%%time`
  'criterion = nn.CrossEntropyLoss()',
  'x = torch.randn(64, 784)',
  'y = torch.randint(0, 10, (64,))',
  'loss = criterion(model(x), y)',
  '# END_CELL_MAGIC',
];
const FUNCTIONAL = [
  'logits = torch.randn(8, 5)',
  'target = torch.randint(0, 5, (8,))',
  'F.cross_entropy(F.softmax(logits, dim=1), target)',
];

/** The 0-based position of `needle` in `text` (its first occurrence). */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex(l => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) };
}

test('the notebook as jupyterlab-lsp sends it: findings on the virtual lines of the right cells, magics ignored, edits resent whole', async () => {
  const notebookPath = join(dir, 'train.ipynb');
  const uri = pathToFileURL(notebookPath).href;
  const cells = [IMPORTS, MODEL, PINFO, TIMED_STEP, FUNCTIONAL];
  const text = virtualDocument(cells);
  // The notebook on disk is JSON: the server must analyse the text it is sent, not the file.
  writeFileSync(notebookPath, JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 }));

  const { client } = await TestClient.start({
    pullDiagnostics: false,
    // What jupyterlab-lsp's connection sends: the root, no process id, no workspace folders, no
    // `workspace/configuration`, push diagnostics.
    initialize: {
      processId: null,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: null,
      initializationOptions: null,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: true, willSave: false, didSave: true, willSaveWaitUntil: false },
          publishDiagnostics: { relatedInformation: true },
        },
        workspace: { didChangeConfiguration: { dynamicRegistration: true } },
      },
    },
  });
  clients.push(client);
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 0, text } });

  const diagnosticsFor = (version: string) =>
    client.waitFor(`diagnostics of ${version}`, () => {
      const last = client.published.filter(p => p.uri === uri).at(-1);
      return last && last.diagnostics.length > 0 && last.diagnostics;
    });
  const summary = (ds: Diagnostic[]) => ds.map(d => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).sort();
  const expected = (t: string) =>
    [positionOf(t, 'model(x)'), positionOf(t, 'F.softmax(logits')].map(p => `LL001@${p.line}:${p.character}`).sort();

  const first = await diagnosticsFor('the opened notebook');
  assert.deepEqual(summary(first), expected(text), JSON.stringify(first));
  const softmax = first.find(d => d.range.start.line === positionOf(text, 'model(x)').line);
  assert.equal(
    softmax?.relatedInformation?.[0].location.range.start.line,
    positionOf(text, 'nn.Softmax').line,
    'points at the softmax cell',
  );

  // A cell inserted at the top: jupyterlab-lsp sends the whole new text; every finding moves by the
  // cell's line and the two blank lines.
  const edited = virtualDocument([['import numpy as np'], ...cells]);
  client.published.length = 0;
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 1 },
    contentChanges: [{ text: edited }],
  });
  const moved = await diagnosticsFor('the edited notebook');
  assert.deepEqual(summary(moved), expected(edited));
  assert.equal(positionOf(edited, 'model(x)').line, positionOf(text, 'model(x)').line + 3);

  // The softmax layer removed from the model cell: that finding goes, the other stays.
  const fixed = virtualDocument([IMPORTS, MODEL.filter(l => !l.includes('Softmax')), PINFO, TIMED_STEP, FUNCTIONAL]);
  client.published.length = 0;
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: fixed }],
  });
  const after = await diagnosticsFor('the fixed notebook');
  assert.deepEqual(summary(after), [
    `LL001@${positionOf(fixed, 'F.softmax(logits').line}:${positionOf(fixed, 'F.softmax(logits').character}`,
  ]);
  assert.equal(await client.shutdown(), 0);
});

test('imports from the notebook folder resolve, as for a file there; the README shows the spec file', async () => {
  const sub = join(dir, 'project');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'net.py'), 'import torch.nn as nn\n\nmodel = nn.Sequential(nn.Linear(784, 10), nn.Softmax(dim=1))\n');
  const uri = pathToFileURL(join(sub, 'explore.ipynb')).href;
  const text = virtualDocument([['import torch', 'import torch.nn as nn', 'from net import model'], TIMED_STEP]);
  const { client } = await TestClient.start({
    pullDiagnostics: false,
    initialize: { processId: null, rootUri: pathToFileURL(dir).href, workspaceFolders: null },
  });
  clients.push(client);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 0, text } });
  const ds = await client.waitFor('diagnostics through the import', () => {
    const last = client.published.filter(p => p.uri === uri).at(-1);
    return last && last.diagnostics.length > 0 && last.diagnostics;
  });
  assert.deepEqual(
    ds.map(d => [d.code, d.range.start.line]),
    [['LL001', positionOf(text, 'model(x)').line]],
  );
  assert.equal(await client.shutdown(), 0);

  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n### JupyterLab\n'));
  const shown = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]) as typeof config;
  const { urls: _urls, ...spec } = config.LanguageServerManager.language_servers.losslens as Record<string, unknown>;
  assert.deepEqual(shown.LanguageServerManager.language_servers.losslens, spec);
});
