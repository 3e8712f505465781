// The lint pipeline (server/src/lint): which files each stage skips and why, and that the findings
// are the analysis's with configuration applied (severities, selection, suppressions) to the text the
// analysis returns. The LSP server, CLI check, fix and notebook fix all go through it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisWorkspace } from '../../../server/src/analysis';
import type { Finding } from '../../../server/src/findings';
import { runRules } from '../../../server/src/rules/run';
import { ProjectConfigLoader, type ProjectConfig } from '../../../server/src/config/project-config';
import {
  lintFile,
  prepareFile,
  checkIn,
  findingsOf,
  type Analyse,
  type LintEnvironment,
  type LintRequest,
  type LintSettings,
} from '../../../server/src/lint/pipeline';
import { limitedHost } from '../../../server/src/lint/limits';
import { workspacePath } from '../../../server/src/lint/exclude';
import { pythonFrontEnd, typescriptFrontEnd } from '../../helpers/analysis';

const ROOT = 'file:///ws';
const SOFTMAX_CE = 'import torch\nimport torch.nn.functional as F\np = F.softmax(x, dim=1)\nloss = F.cross_entropy(p, y)\n';

function notebook(code: string, output = '', language = 'python'): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { language }, language_info: { name: language } },
    cells: [
      {
        cell_type: 'code',
        source: code,
        metadata: {},
        execution_count: 1,
        outputs: output ? [{ output_type: 'stream', name: 'stdout', text: output }] : [],
      },
    ],
  });
}

/** An environment over in-memory files; `projects` lists the configurations announced by `onProject`. */
function environment(
  files: Record<string, string>,
  settings: Partial<LintSettings> = {},
): { env: LintEnvironment; projects: (ProjectConfig | null)[] } {
  const host = { readFile: async (uri: string) => files[uri.slice(ROOT.length + 1)] };
  const projects: (ProjectConfig | null)[] = [];
  const env: LintEnvironment = {
    configs: new ProjectConfigLoader(host),
    host,
    settings: { maxFileSize: 1000, ...settings },
    onProject: p => projects.push(p),
  };
  return { env, projects };
}

const FILES: Record<string, string> = {
  'losslens.toml': 'exclude = ["vendor"]\n',
  'train.py': SOFTMAX_CE,
  'big.py': 'x = 1\n'.repeat(400),
  'weights.py': 'import torch\n\u0000\u0001',
  'vendor/lib.py': SOFTMAX_CE,
  'generated/out.py': SOFTMAX_CE,
  'notes.txt': 'torch',
  'outputs.ipynb': notebook('import torch\n', 'x'.repeat(5000)),
  'huge_code.ipynb': notebook('x = 1\n'.repeat(400)),
  'r.ipynb': notebook('library(x)\n', '', 'R'),
};

const CASES: {
  name: string;
  request: Omit<LintRequest, 'uri'> & { path: string };
  settings?: Partial<LintSettings>;
  status: string;
  detail?: RegExp;
  projectRead: boolean;
}[] = [
  { name: 'a Python file', request: { path: 'train.py' }, status: 'ready', projectRead: true },
  { name: 'a missing file', request: { path: 'gone.py' }, status: 'unreadable', projectRead: false },
  {
    name: 'a file above the size limit (before its configuration is read)',
    request: { path: 'big.py' },
    status: 'limit',
    detail: /above the 0\.0 MB limit/,
    projectRead: false,
  },
  { name: 'a binary file', request: { path: 'weights.py' }, status: 'limit', detail: /binary/, projectRead: false },
  { name: "a file under the project's exclude", request: { path: 'vendor/lib.py' }, status: 'excluded', projectRead: true },
  {
    name: "a file named explicitly under the project's exclude",
    request: { path: 'vendor/lib.py', explicit: true },
    status: 'ready',
    projectRead: true,
  },
  {
    name: "a file under the editor's exclude (its project is not read)",
    request: { path: 'generated/out.py' },
    settings: { exclude: ['generated'], roots: [ROOT] },
    status: 'excluded',
    projectRead: false,
  },
  { name: 'a file LossLens does not analyse', request: { path: 'notes.txt' }, status: 'refused', projectRead: true },
  {
    name: 'a notebook whose outputs, not its code, exceed the limit',
    request: { path: 'outputs.ipynb' },
    status: 'ready',
    projectRead: true,
  },
  {
    name: 'a notebook whose code exceeds the limit',
    request: { path: 'huge_code.ipynb' },
    status: 'limit',
    detail: /above the/,
    projectRead: true,
  },
  {
    name: 'an R notebook met by a folder walk',
    request: { path: 'r.ipynb' },
    status: 'refused',
    detail: /note: not a Python notebook/,
    projectRead: true,
  },
  {
    name: 'an R notebook named explicitly',
    request: { path: 'r.ipynb', explicit: true },
    status: 'refused',
    detail: /error: not a Python notebook/,
    projectRead: true,
  },
  {
    name: "an editor document's text, taken as its language's source",
    request: { path: 'outputs.ipynb', text: 'import torch\n', language: 'python' },
    status: 'ready',
    projectRead: true,
  },
];

for (const c of CASES) {
  test(`prepareFile: ${c.name} → ${c.status}`, async () => {
    const { env, projects } = environment(FILES, c.settings);
    const { path, ...request } = c.request;
    const r = await prepareFile({ uri: `${ROOT}/${path}`, ...request }, env);
    assert.equal(r.status, c.status);
    const detail =
      r.status === 'limit' ? r.reason : r.status === 'refused' ? (r.error ? `error: ${r.error}` : r.note ? `note: ${r.note}` : '') : '';
    if (c.detail) assert.match(detail, c.detail);
    assert.equal(projects.length, c.projectRead ? 1 : 0, 'the project configuration is announced once it is read');
    if (r.status === 'ready' && path.endsWith('.ipynb') && !request.language)
      assert.equal(r.target.text.trim(), 'import torch', "a notebook's program is analysed");
  });
}

test("workspacePath: a file's path in the innermost workspace folder holding it, else its whole path", () => {
  assert.equal(workspacePath('file:///ws/a/b.py', ['file:///ws', 'file:///ws/a']), 'b.py');
  assert.equal(workspacePath('file:///other/x%20y.py', ['file:///ws']), '/other/x y.py');
});

async function analyser(files: Record<string, string>): Promise<Analyse> {
  const python = await pythonFrontEnd();
  const ws = createAnalysisWorkspace({
    runRules,
    host: { readFile: async uri => files[uri.slice(ROOT.length + 1)] },
    roots: [ROOT],
    frontEnd: l => (l === 'python' ? python : typescriptFrontEnd()),
  });
  return checkIn(ws);
}

const codes = (fs: readonly Finding[]) => fs.map(f => `${f.code}:${f.severity}`);

test('lintFile: the analysis finds, the project file and the editor settings configure, suppressions apply', async () => {
  const files = {
    ...FILES,
    'losslens.toml': '[severity]\nLL001 = "warning"\n',
    'ok.py': SOFTMAX_CE.replace('(p, y)\n', '(p, y)  # losslens: ignore[LL001]\n') + 'z = 1  # losslens: ignore[LL002]\n',
  };
  const { env } = environment(files, { rules: { LL001: 'info', LL002: 'off' } });
  const analyse = await analyser(files);
  const found = await lintFile({ uri: `${ROOT}/train.py` }, env, analyse);
  assert.equal(found.status, 'linted');
  assert.deepEqual(codes(findingsOf(found)), ['LL001:warning'], 'the project severity wins over the editor one');
  const suppressed = await lintFile({ uri: `${ROOT}/ok.py` }, env, analyse);
  assert.deepEqual(codes(findingsOf(suppressed)), [], 'suppressed, and no hint for a suppression of a rule switched off');
  const noEditor = await lintFile({ uri: `${ROOT}/ok.py` }, { ...env, settings: { maxFileSize: 1000 } }, analyse);
  assert.deepEqual(codes(findingsOf(noEditor)), ['LL000:hint'], 'the unused suppression of LL002 is a hint');
});

test('lintFile: suppressions are read from the text the analysis returns (an editor document that changed meanwhile)', async () => {
  const { env } = environment(FILES);
  const finding: Finding = {
    code: 'LL001',
    name: 'x',
    severity: 'error',
    message: 'm',
    uri: `${ROOT}/train.py`,
    span: { start: 0, end: 1 },
    related: [],
  };
  const r = await lintFile({ uri: `${ROOT}/train.py` }, env, () => ({ findings: [finding], text: 'x  # losslens: ignore[LL001]\n' }));
  assert.equal(r.status, 'linted');
  assert.deepEqual(findingsOf(r), []);
});

test('lintFile: an analysis failure is reported with what configuration adds; nothing to check is "unavailable"', async () => {
  const { env } = environment({ ...FILES, 'train.py': 'import torch  # losslens: ignore[LL001]\n' });
  const failed = await lintFile({ uri: `${ROOT}/train.py` }, env, () => {
    throw new Error('boom');
  });
  assert.equal(failed.status, 'linted');
  assert.equal(failed.status === 'linted' && (failed.error as Error).message, 'boom');
  assert.deepEqual(failed.status === 'linted' && codes(failed.findings), ['LL000:hint']);
  assert.throws(() => findingsOf(failed), /boom/, 'findingsOf passes the failure on (it stops a fix loop)');
  const gone = await lintFile({ uri: `${ROOT}/train.py` }, env, () => undefined);
  assert.equal(gone.status, 'unavailable');
  assert.deepEqual(findingsOf(gone), []);
});

test('limitedHost: imports above the limit or binary read as missing, and are announced', async () => {
  const skipped: string[] = [];
  const host = limitedHost(
    { readFile: async uri => FILES[uri.slice(ROOT.length + 1)] },
    uri => (uri.endsWith('train.py') ? 10 : 1000),
    (uri, reason) => skipped.push(`${uri.slice(ROOT.length + 1)}: ${reason}`),
  );
  assert.equal(await host.readFile(`${ROOT}/train.py`), undefined, 'the limit is per file');
  assert.equal(await host.readFile(`${ROOT}/weights.py`), undefined);
  assert.equal(await host.readFile(`${ROOT}/vendor/lib.py`), SOFTMAX_CE);
  assert.equal(await host.readFile(`${ROOT}/gone.py`), undefined);
  assert.deepEqual(
    skipped.map(s => s.replace(/:.*? (binary|limit).*/, ': $1')),
    ['train.py: limit', 'weights.py: binary'],
  );
});
