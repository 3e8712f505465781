// Entry of the Loss Explorer page (bundled to dist/webview/explorer.js). Everything is computed in the
// page with core; the extension is asked only for what a page cannot do (save files, edit the editor,
// write the clipboard). Messages from the extension are parsed and anything malformed is dropped.
import './styles.css';
import { parseHostMessage, type EditorContextMessage, type ExplorerView, type OpenExplorerArgs, type PageMessage } from '../protocol';
import { h } from './dom';
import { findGuidePath, FRAMEWORK_NAMES, GuideView } from './guide-view';
import { PlotsView } from './plots-view';
import { parseState, type ExplorerState } from './state';
import { findStory, ruleStory } from './stories';
import { onThemeChange, readTheme, type ThemeColors } from './theme';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const state: ExplorerState = parseState(vscode.getState());
let theme: ThemeColors = readTheme();
let editor: Omit<EditorContextMessage, 'v' | 'type'> = { framework: null, fileName: null };

function post(msg: PageMessage): void {
  vscode.postMessage(msg);
}
function save(): void {
  vscode.setState(state);
}

const plots = new PlotsView({ state, save, post, theme: () => theme });
const guideView = new GuideView({
  state,
  save,
  post,
  plot: id => {
    if (plots.showLoss(id)) selectView('plots', true);
  },
  framework: () => editor.framework,
});

const tabs: Record<ExplorerView, HTMLButtonElement> = {
  plots: h('button', { type: 'button', role: 'tab', id: 'tab-plots', 'aria-controls': 'plots-view' }, 'Gradient plots'),
  guide: h('button', { type: 'button', role: 'tab', id: 'tab-guide', 'aria-controls': 'guide-view' }, 'Selection guide'),
};
const editorNote = h('p', { class: 'editor-note', id: 'editor-note' });

function selectView(view: ExplorerView, focusTab = false): void {
  state.view = view;
  for (const [v, tab] of Object.entries(tabs) as [ExplorerView, HTMLButtonElement][]) {
    const selected = v === view;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  plots.root.hidden = view !== 'plots';
  guideView.root.hidden = view !== 'guide';
  if (focusTab) tabs[view].focus();
  save();
}

for (const [v, tab] of Object.entries(tabs) as [ExplorerView, HTMLButtonElement][]) {
  tab.addEventListener('click', () => selectView(v));
  // Tabs pattern: one tab stop, arrows move between tabs.
  tab.addEventListener('keydown', e => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      selectView(v === 'plots' ? 'guide' : 'plots', true);
    }
  });
}

function renderEditorNote(): void {
  editorNote.textContent = editor.framework
    ? `Snippets: ${FRAMEWORK_NAMES[editor.framework]}${editor.fileName ? ` → ${editor.fileName}` : ''}`
    : 'Snippets: focus a Python, TypeScript or JavaScript editor to insert into it';
}

document.body.append(
  h(
    'header',
    { class: 'top' },
    h('h1', {}, 'Loss Explorer'),
    h('div', { role: 'tablist', 'aria-label': 'Loss Explorer views', class: 'tabs' }, tabs.plots, tabs.guide),
    editorNote,
  ),
  h('main', {}, plots.root, guideView.root),
);

function open(args: OpenExplorerArgs): void {
  const story = args.ruleId ? ruleStory(args.ruleId) : undefined;
  if (story) {
    plots.applyStory(story);
    selectView('plots');
    return;
  }
  if (args.view === 'guide') {
    const path = args.lossId ? findGuidePath(args.lossId) : undefined;
    if (path) state.guidePath = path;
    guideView.render();
    selectView('guide');
    return;
  }
  if (args.lossId && plots.showLoss(args.lossId, args.params)) {
    selectView('plots');
    return;
  }
  if (args.view) selectView(args.view);
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseHostMessage(event.data);
  if (!msg) {
    console.warn('[LossLens] ignored a malformed or unknown message', event.data);
    return;
  }
  if (msg.type === 'show') open(msg.args);
  else {
    editor = { framework: msg.framework, fileName: msg.fileName };
    renderEditorNote();
    guideView.render();
  }
});

onThemeChange(() => {
  const next = readTheme();
  if (next.kind === theme.kind && next.foreground === theme.foreground && next.background === theme.background) return;
  theme = next;
  plots.themeChanged();
  plots.refresh();
});

// First paint: a story when nothing is plotted yet (first open), else the restored state.
renderEditorNote();
plots.themeChanged();
const initialStory = state.series.length === 0 ? (findStory(state.storyId ?? 'outliers') ?? findStory('outliers')) : undefined;
if (initialStory) plots.applyStory(initialStory);
else plots.refresh();
guideView.render();
selectView(state.view);
post({ v: 1, type: 'ready' });
