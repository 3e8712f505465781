// `losslens fix` on a .ipynb file. The fix loop (fixes/fix-loop) sees each code cell as a file of
// its own, so a fix computed on the notebook's program (a softmax removed in cell 3 for a loss in
// cell 7) is a multi-file edit of cells, like a fix reaching from train.py into network.py. The
// changed cells' sources are written back into the JSON; every other byte stays as it was.
import { pathToFileURL } from 'node:url';
import type { Finding, Fix } from '../findings';
import type { ProjectConfigLoader } from '../config/project-config';
import { DEFAULT_MAX_FILE_SIZE } from '../config/settings';
import { prepareFile, lintTarget, checkIn, findingsOf } from '../lint/pipeline';
import { limitedHost } from '../lint/limits';
import { mayUseMlFramework } from '../lint/precheck';
import { readNotebookFile, type NotebookFile } from '../lint/source';
import type { FrontEndProvider } from '../node/front-ends';
import { fixFiles, type FixReport } from '../fixes/fix-loop';
import { VirtualNotebook } from '../notebook/virtual-document';
import { toCellEdit } from '../notebook/cell-edits';
import { writeIpynbSources } from '../notebook/ipynb';
import { createListingFileHost } from './listing-host';
import { notebookRecords } from './notebook-file';
import type { OutputRecord } from './output-record';
import { readSourceFile, type SourceFile } from './fix-write';
import { createRunWorkspace } from './run-workspace';

export interface NotebookFixResult {
  /** The .ipynb text before and after (equal when nothing was fixed). */
  before: string;
  after: string;
  /** The notebook as read (what writing it back needs). */
  file: SourceFile;
  report: FixReport;
  /** What is left, at the cells of the fixed notebook. */
  records: OutputRecord[];
}

export interface NotebookFixOptions {
  root: string;
  explicit: boolean;
  unsafe: boolean;
  frontEnds: FrontEndProvider;
  configs: ProjectConfigLoader;
}

/** Fixes one notebook; `error` and `note` are messages for stderr (as in `check`). */
export async function fixNotebookFile(
  path: string,
  options: NotebookFixOptions,
): Promise<NotebookFixResult | { error: string } | { note: string } | undefined> {
  const uri = pathToFileURL(path).href;
  const file = readSourceFile(path, false, [options.root]);
  if ('error' in file) return file;
  const prepared = await prepareFile(
    { uri, text: file.text, explicit: options.explicit },
    { configs: options.configs, settings: { maxFileSize: DEFAULT_MAX_FILE_SIZE } },
  );
  if (prepared.status === 'limit') return { note: `skipped because ${prepared.reason}` };
  if (prepared.status === 'refused')
    return prepared.error !== undefined ? { error: prepared.error } : prepared.note !== undefined ? { note: prepared.note } : undefined;
  if (prepared.status !== 'ready') return undefined;
  const { target } = prepared;
  const read = target.notebook;
  if (!read || !mayUseMlFramework(target.text)) return undefined;
  const text = target.fileText;
  const { ipynb } = read;
  const cellUri = (index: number) => `${uri}#losslens-cell-${index}`;
  const sources = new Map<string, string>();
  const indexOf = new Map<string, number>();
  for (const c of ipynb.cells) {
    if (c.kind !== 'code') continue;
    sources.set(cellUri(c.index), c.source);
    indexOf.set(cellUri(c.index), c.index);
  }
  const ws = createRunWorkspace(options.root, limitedHost(createListingFileHost(), DEFAULT_MAX_FILE_SIZE), options.frontEnds);
  const check = checkIn(ws);

  // One analysis of the whole program per state of the cells, shared by the cells' findings calls.
  let revision = 0;
  let analysed: { revision: number; model: VirtualNotebook; findings: Finding[] } | undefined;
  const analyse = async () => {
    if (analysed?.revision === revision) return analysed;
    const model = VirtualNotebook.build(
      ipynb.cells.map(c => ({ id: String(c.index), kind: c.kind, text: sources.get(cellUri(c.index)) ?? c.source })),
    );
    const at = revision;
    const findings = findingsOf(await lintTarget({ ...target, text: model.text }, check));
    analysed = { revision: at, model, findings };
    return analysed;
  };
  /** A program finding as a finding of the cell it starts in, its fix edits moved into cells. */
  const inCell = (f: Finding, model: VirtualNotebook, cell: string): Finding | undefined => {
    const start = model.toCell(f.span.start);
    if (!start || cellUri(start.cell.index) !== cell) return undefined;
    const end = model.toCell(f.span.end);
    const span = { start: start.offset, end: end && end.cell === start.cell ? end.offset : start.offset };
    let fix: Fix | undefined;
    if (f.fix) {
      const edits: Fix['edits'] = [];
      for (const e of f.fix.edits) {
        if (e.uri !== uri) {
          edits.push(e);
          continue;
        }
        const ce = toCellEdit(model, e);
        // An edit that does not fit in one cell makes the whole fix unusable (a fix is all or nothing).
        if (!ce) {
          edits.length = 0;
          break;
        }
        edits.push({ uri: cellUri(ce.cell.index), span: ce.span, newText: ce.newText });
      }
      if (edits.length) fix = { ...f.fix, edits };
    }
    return { ...f, uri: cell, span, related: [], fix };
  };

  const report = await fixFiles(
    {
      uris: [...sources.keys()],
      text: u => sources.get(u),
      findings: async u => {
        const a = await analyse();
        return a.findings.map(f => inCell(f, a.model, u)).filter((f): f is Finding => f !== undefined);
      },
      setText: (u, t) => {
        sources.set(u, t);
        revision++;
      },
      // Only this notebook's cells: a fix reaching into a .py file is left to `fix` on that file.
      // A notebook fix must not rewrite (read-only, hard-linked…) is reported, not fixed.
      editable: u => sources.has(u) && !file.refused,
    },
    { unsafe: options.unsafe },
  );

  const changed = new Map<number, string>();
  for (const u of report.changed) changed.set(indexOf.get(u)!, sources.get(u)!);
  const after = changed.size ? writeIpynbSources(ipynb, changed) : text;
  const final = await analyse();
  const fixed = readNotebookFile(after, true);
  const nb: NotebookFile = 'ipynb' in fixed ? fixed : read;
  return { before: text, after, file, report, records: notebookRecords(final.findings, path, nb) };
}
