// The "Gradient plots" view: story presets, the loss picker, one block of parameter controls per plotted
// loss, the linked loss/gradient charts with a keyboard-reachable readout, the story's table and exports.
import { catalog, type LossFamily } from '../../../core/src/index';
import type { ExportFormat, PageMessage } from '../protocol';
import { LinkedCharts } from './charts';
import { h } from './dom';
import { fileStem, toPng, toSvg } from './export';
import { paramControl } from './param-control';
import { buildPlotData, defaultRange, seriesLabel, shortTitle, toCsv, type PlotData } from './plot-data';
import { derivedSourceIds, sourceInfo } from './sources';
import { MAX_SERIES, makeSeries, type ExplorerState } from './state';
import { findStory, formatNumber, stories, type Story, type StoryTable } from './stories';
import type { ThemeColors } from './theme';

export interface PlotsHost {
  readonly state: ExplorerState;
  save(): void;
  post(msg: PageMessage): void;
  theme(): ThemeColors;
}

const FAMILY_LABELS: Record<LossFamily, string> = {
  regression: 'Regression',
  classification: 'Classification',
  metric: 'Metric learning',
  probabilistic: 'Probabilistic',
  generative: 'Generative',
};

export class PlotsView {
  readonly root: HTMLElement;
  private readonly storySelect: HTMLSelectElement;
  private readonly addSelect: HTMLSelectElement;
  private readonly seriesList: HTMLElement;
  /** Shows or hides the loss cards in a narrow panel (CSS hides it, and ignores it, when wide). */
  private readonly seriesToggle: HTMLButtonElement;
  /** The user's choice; until they make one, a single loss is shown open and several collapsed. */
  private seriesExpanded: boolean | null = null;
  private readonly rangeMin: HTMLInputElement;
  private readonly rangeMax: HTMLInputElement;
  private readonly storyPanel: HTMLElement;
  private readonly tablePanel: HTMLElement;
  private readonly readout: HTMLTableElement;
  private readonly setupPanel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly charts: LinkedCharts;
  private data: PlotData | null = null;
  private pending = 0;

  constructor(private readonly host: PlotsHost) {
    this.storySelect = h(
      'select',
      { id: 'story-select' },
      h('option', { value: '' }, '(none)'),
      stories.filter(s => s.preset).map(s => h('option', { value: s.id }, s.title)),
    );
    this.storySelect.addEventListener('change', () => {
      const story = findStory(this.storySelect.value);
      if (story) this.applyStory(story);
      else {
        host.state.storyId = null;
        this.refresh();
      }
    });

    this.addSelect = h('select', { id: 'add-loss' }, ...this.lossOptions());
    const addButton = h('button', { type: 'button', id: 'add-loss-button' }, 'Add');
    addButton.addEventListener('click', () => this.addSeries(this.addSelect.value));

    this.seriesList = h('div', { class: 'series-list', id: 'series-list', 'aria-label': 'Plotted losses', role: 'list' });
    this.seriesToggle = h('button', { type: 'button', class: 'series-toggle', id: 'series-toggle', 'aria-controls': 'series-list' });
    this.seriesToggle.addEventListener('click', () => {
      this.seriesExpanded = this.seriesToggle.getAttribute('aria-expanded') !== 'true';
      this.renderSeriesToggle();
    });

    this.rangeMin = h('input', { type: 'number', id: 'range-min', step: 'any' });
    this.rangeMax = h('input', { type: 'number', id: 'range-max', step: 'any' });
    const onRange = () => {
      const min = Number(this.rangeMin.value);
      const max = Number(this.rangeMax.value);
      if (
        this.rangeMin.value === '' ||
        this.rangeMax.value === '' ||
        !Number.isFinite(min) ||
        !Number.isFinite(max) ||
        !(min < max) ||
        Math.abs(min) > 1e6 ||
        Math.abs(max) > 1e6
      ) {
        this.rangeMin.setAttribute('aria-invalid', 'true');
        this.rangeMax.setAttribute('aria-invalid', 'true');
        return;
      }
      this.rangeMin.removeAttribute('aria-invalid');
      this.rangeMax.removeAttribute('aria-invalid');
      host.state.range = { min, max };
      this.redraw();
    };
    this.rangeMin.addEventListener('change', onRange);
    this.rangeMax.addEventListener('change', onRange);
    const resetRange = h('button', { type: 'button', id: 'range-reset' }, 'Reset');
    resetRange.addEventListener('click', () => {
      host.state.range = null;
      this.refresh();
    });

    const exportButtons = (['svg', 'png', 'csv'] as const).map(format => {
      const b = h('button', { type: 'button', 'data-export': format }, `Export ${format.toUpperCase()}`);
      b.addEventListener('click', () => void this.export(format));
      return b;
    });

    this.storyPanel = h('div', { class: 'story', id: 'story-panel' });
    this.tablePanel = h('div', { class: 'story-table', id: 'story-table' });
    this.readout = h('table', { class: 'readout', id: 'readout', 'aria-live': 'polite' });
    this.status = h('p', { class: 'status', role: 'status', id: 'plots-status' });
    this.setupPanel = h('div', { class: 'setup', id: 'setup-panel' });
    const chartBox = h('div', { class: 'charts', id: 'charts' });

    this.root = h(
      'section',
      { id: 'plots-view', class: 'view', role: 'tabpanel', 'aria-labelledby': 'tab-plots' },
      h(
        'div',
        { class: 'plots-layout' },
        h(
          'div',
          { class: 'controls' },
          h('div', { class: 'field' }, h('label', { for: 'story-select' }, 'Story'), this.storySelect),
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'add-loss' }, 'Add a loss'),
            h('div', { class: 'row' }, this.addSelect, addButton),
          ),
          h('div', { class: 'series-group' }, this.seriesToggle, this.seriesList),
          h(
            'fieldset',
            { class: 'range' },
            h('legend', {}, 'x range'),
            h(
              'div',
              { class: 'row' },
              h('label', { for: 'range-min' }, 'from'),
              this.rangeMin,
              h('label', { for: 'range-max' }, 'to'),
              this.rangeMax,
              resetRange,
            ),
          ),
          h('div', { class: 'row export' }, exportButtons),
          this.status,
        ),
        h('div', { class: 'plots-main' }, this.storyPanel, chartBox, this.readout, this.tablePanel, this.setupPanel),
      ),
    );
    this.charts = new LinkedCharts(chartBox, { onCursor: idx => this.renderReadout(idx) });
  }

  private lossOptions(): HTMLElement[] {
    const groups = new Map<LossFamily, HTMLOptGroupElement>();
    for (const e of catalog) {
      let g = groups.get(e.family);
      if (!g) {
        g = h('optgroup', { label: FAMILY_LABELS[e.family] });
        groups.set(e.family, g);
      }
      g.append(h('option', { value: e.id }, e.title));
    }
    const misuse = h(
      'optgroup',
      { label: 'Misuse (what a rule catches)' },
      derivedSourceIds().map(id => h('option', { value: id }, sourceInfo(id)!.title)),
    );
    return [...groups.values(), misuse];
  }

  applyStory(story: Story): void {
    const st = this.host.state;
    st.storyId = story.id;
    st.series = story.series.map(s => makeSeries(s.id, s.params)).filter(s => s !== undefined);
    st.range = story.range ?? null;
    this.refresh();
  }

  addSeries(id: string): void {
    const st = this.host.state;
    const series = makeSeries(id);
    if (!series) return;
    if (st.series.length >= MAX_SERIES) {
      this.status.textContent = `At most ${MAX_SERIES} losses at once: remove one first.`;
      return;
    }
    if (st.series.length === 0) st.range = null;
    st.series.push(series);
    st.storyId = null;
    this.refresh();
  }

  /** Shows one loss with the given parameters (hover link, guide "Plot"). */
  showLoss(id: string, params?: Record<string, number>): boolean {
    const series = makeSeries(id, params);
    if (!series) return false;
    const st = this.host.state;
    st.series = [series];
    st.range = null;
    st.storyId = null;
    this.refresh();
    return true;
  }

  themeChanged(): void {
    this.charts.setTheme(this.host.theme());
  }

  /** Rebuilds controls and charts from the state. */
  refresh(): void {
    const st = this.host.state;
    this.storySelect.value = findStory(st.storyId)?.preset ? st.storyId! : '';
    this.status.textContent = '';
    this.renderSeriesList();
    this.renderStory();
    this.redraw();
  }

  /** The toggle's label names the plotted losses, so the collapsed list still says what is drawn. */
  private renderSeriesToggle(): void {
    const st = this.host.state;
    const expanded = this.seriesExpanded ?? st.series.length <= 1;
    this.seriesToggle.setAttribute('aria-expanded', String(expanded));
    const names = st.series.map(s => sourceInfo(s.id)!.title).join(', ');
    this.seriesToggle.replaceChildren(
      h('span', { class: 'chevron', 'aria-hidden': 'true' }, expanded ? '▾' : '▸'),
      h('span', { class: 'series-toggle-label' }, `Losses (${st.series.length})`),
      h('span', { class: 'series-toggle-names' }, names),
    );
  }

  private renderSeriesList(): void {
    this.renderSeriesToggle();
    const st = this.host.state;
    const colors = this.host.theme().series;
    this.seriesList.replaceChildren(
      ...st.series.map((s, i) => {
        const info = sourceInfo(s.id)!;
        const swatch = h('span', { class: i >= colors.length ? 'swatch dashed' : 'swatch', 'aria-hidden': 'true' });
        // CSSOM, not a style attribute: allowed by the CSP.
        swatch.style.setProperty('--swatch', colors[i % colors.length]);
        const remove = h('button', { type: 'button', class: 'icon', 'aria-label': `Remove ${info.title}`, title: 'Remove' }, '×');
        remove.addEventListener('click', () => {
          st.series.splice(i, 1);
          st.storyId = null;
          if (st.series.length === 0) st.range = null;
          this.refresh();
        });
        const buttons: HTMLElement[] = [remove];
        if (info.inCatalog) {
          const insert = h('button', { type: 'button', class: 'secondary', 'data-action': 'insert' }, 'Insert snippet');
          insert.addEventListener('click', () => this.host.post({ v: 1, type: 'insertSnippet', lossId: s.id, params: { ...s.params } }));
          buttons.unshift(insert);
        }
        // A loss plotted more than once explains its parameters the first time only (visually).
        const repeated = st.series.slice(0, i).some(o => o.id === s.id);
        return h(
          'fieldset',
          { class: 'series', role: 'listitem', 'data-series': i, 'data-loss': s.id },
          h('legend', {}, swatch, h('span', { class: 'series-title' }, seriesLabel(info, s))),
          info.params.map(p =>
            paramControl(
              p,
              s.params[p.name] ?? p.default,
              v => {
                s.params[p.name] = v;
                this.scheduleRedraw();
              },
              repeated,
            ),
          ),
          h('div', { class: 'row buttons' }, buttons),
        );
      }),
    );
    if (st.series.length === 0) {
      this.seriesList.append(h('p', { class: 'empty' }, 'No loss plotted: pick a story or add a loss.'));
    }
  }

  private renderStory(): void {
    const story = findStory(this.host.state.storyId);
    this.storyPanel.replaceChildren();
    this.tablePanel.replaceChildren();
    if (!story) return;
    this.storyPanel.append(h('h2', {}, story.title), ...story.text.map(t => h('p', {}, t)));
    if (story.table) this.tablePanel.append(renderTable(story.table()));
  }

  /** What x means for each plotted loss and which partner values are fixed, once per loss. */
  private renderSetup(): void {
    const infos = [...new Map(this.host.state.series.map(s => [s.id, sourceInfo(s.id)!])).values()];
    const key = infos.map(i => i.id).join(',');
    if (this.setupPanel.dataset.key === key) return;
    this.setupPanel.dataset.key = key;
    this.setupPanel.replaceChildren(
      ...(infos.length ? [h('h3', {}, 'How the curves are drawn')] : []),
      h(
        'dl',
        {},
        infos.flatMap(i => [h('dt', {}, shortTitle(i.title)), h('dd', {}, i.setup)]),
      ),
    );
  }

  private scheduleRedraw(): void {
    // Slider input fires faster than frames: recompute once per frame.
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.redraw();
    });
  }

  /** Recomputes every curve with core and redraws; persists the state. */
  redraw(): void {
    const st = this.host.state;
    const range = st.range ?? defaultRange(st.series);
    this.rangeMin.value = String(range.min);
    this.rangeMax.value = String(range.max);
    this.data = buildPlotData(st.series, range);
    const note = this.storyPanel.querySelector('.mixed-axes');
    if (this.data.mixedAxes && !note) {
      this.storyPanel.append(
        h(
          'p',
          { class: 'mixed-axes note' },
          `These losses read x differently (${this.data.xLabel}); each curve is plotted against its own meaning of x.`,
        ),
      );
    } else if (!this.data.mixedAxes && note) note.remove();
    for (const [i, c] of this.data.columns.entries()) {
      const title = this.seriesList.querySelector(`[data-series="${i}"] .series-title`);
      if (title && title.textContent !== c.label) title.textContent = c.label;
    }
    this.renderSetup();
    const errors = this.data.columns.filter(c => c.error).map(c => `${c.info.title}: ${c.error}`);
    this.status.textContent = errors.join('\n');
    this.charts.update(this.data, this.host.theme().series);
    this.host.save();
  }

  private renderReadout(idx: number | null): void {
    const data = this.data;
    if (!data) return;
    const colors = this.host.theme().series;
    const at = idx ?? null;
    const cell = (v: number | null | undefined) =>
      at === null ? '—' : v === null || v === undefined ? 'undefined here' : formatNumber(v, 6);
    const caption =
      at === null
        ? 'Hover a chart, or focus it and use the arrow keys, to read exact values.'
        : `Values at x = ${formatNumber(data.x[at], 6)}`;
    this.readout.replaceChildren(
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'loss'), h('th', { scope: 'col' }, 'value'), h('th', { scope: 'col' }, 'gradient d loss/dx')),
      ),
      h(
        'tbody',
        {},
        data.columns.map((c, i) => {
          const swatch = h('span', { class: i >= colors.length ? 'swatch dashed' : 'swatch', 'aria-hidden': 'true' });
          swatch.style.setProperty('--swatch', colors[i % colors.length]);
          return h(
            'tr',
            { 'data-series': i },
            h('th', { scope: 'row' }, swatch, c.label),
            h('td', { 'data-value': 'loss' }, cell(at === null ? null : c.loss[at])),
            h('td', { 'data-value': 'grad' }, cell(at === null ? null : c.grad[at])),
          );
        }),
      ),
    );
  }

  private exportTitle(): string {
    const story = findStory(this.host.state.storyId);
    if (story) return story.title;
    return this.data?.columns.map(c => c.info.title).join(' vs ') || 'Loss Explorer';
  }

  async export(format: ExportFormat): Promise<void> {
    const data = this.data;
    if (!data || data.columns.length === 0) {
      this.status.textContent = 'Nothing to export: add a loss first.';
      return;
    }
    const title = this.exportTitle();
    const colors = this.host.theme().series;
    try {
      let content: string;
      if (format === 'csv') content = toCsv(data);
      else {
        const svg = toSvg(data, colors, title);
        const dark = this.host.theme().kind === 'dark' || this.host.theme().kind === 'high-contrast';
        content = format === 'svg' ? svg : await toPng(svg, dark ? '#1e1e1e' : '#ffffff');
      }
      this.host.post({ v: 1, type: 'export', format, suggestedName: `${fileStem(title)}.${format}`, data: content });
      this.status.textContent = `${format.toUpperCase()} sent to VS Code: choose where to save it.`;
    } catch (err) {
      this.status.textContent = `Export failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
}

export function renderTable(table: StoryTable): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, table.caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        table.head.map(c => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      table.rows.map(r =>
        h(
          'tr',
          {},
          r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))),
        ),
      ),
    ),
  );
}
