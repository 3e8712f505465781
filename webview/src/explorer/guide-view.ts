// The "Selection guide" view: walks core's decision tree one question at a time, with breadcrumbs and
// Back, ends on a card with the recommended loss, its output activation, why, and the alternatives;
// below it the quick-reference table.
import { getCatalogEntry, guide, isGuideLeaf, quickReference, type GuideLeaf, type GuideNode } from '../../../core/src/index';
import type { PageMessage, SnippetFramework } from '../protocol';
import { h } from './dom';
import type { ExplorerState } from './state';

export interface GuideHost {
  readonly state: ExplorerState;
  save(): void;
  post(msg: PageMessage): void;
  plot(lossId: string): void;
  framework(): SnippetFramework | null;
}

export interface GuideStep {
  node: GuideNode;
  optionIndex: number;
}

/** Follows `path` (option indices) from the root; stops at the first index that does not exist. */
export function walkGuide(path: readonly number[]): { steps: GuideStep[]; at: GuideNode | GuideLeaf; validPath: number[] } {
  const steps: GuideStep[] = [];
  let at: GuideNode | GuideLeaf = guide;
  for (const i of path) {
    if (isGuideLeaf(at) || i < 0 || i >= at.options.length) break;
    steps.push({ node: at, optionIndex: i });
    at = at.options[i].next;
  }
  return { steps, at, validPath: steps.map(s => s.optionIndex) };
}

/** The first path from the root to a leaf recommending lossId, if any. */
export function findGuidePath(lossId: string, node: GuideNode = guide, prefix: number[] = []): number[] | undefined {
  for (const [i, o] of node.options.entries()) {
    if (isGuideLeaf(o.next)) {
      if (o.next.lossId === lossId) return [...prefix, i];
    } else {
      const found = findGuidePath(lossId, o.next, [...prefix, i]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Framework names as the page shows them (short: buttons and the editor line). */
export const FRAMEWORK_NAMES: Readonly<Record<SnippetFramework, string>> = { torch: 'PyTorch', keras: 'Keras', tfjs: 'TF.js', jax: 'JAX' };

export class GuideView {
  readonly root: HTMLElement;
  private readonly flow: HTMLElement;

  constructor(private readonly host: GuideHost) {
    this.flow = h('div', { class: 'guide-flow', id: 'guide-flow' });
    this.root = h(
      'section',
      { id: 'guide-view', class: 'view', role: 'tabpanel', 'aria-labelledby': 'tab-guide' },
      this.flow,
      h('h2', { id: 'quick-reference-heading' }, 'Quick reference'),
      this.quickReferenceTable(),
    );
  }

  /** Renders the current step; focus moves to its heading when the user navigated. */
  render(focus = false): void {
    const st = this.host.state;
    const { steps, at, validPath } = walkGuide(st.guidePath);
    st.guidePath = validPath;
    const crumbs = h(
      'ol',
      {},
      h('li', {}, this.crumb('Start', 0, steps.length === 0)),
      steps.map((s, k) => h('li', {}, this.crumb(s.node.options[s.optionIndex].label, k + 1, k === steps.length - 1))),
    );
    const back = h('button', { type: 'button', class: 'secondary', id: 'guide-back', disabled: steps.length === 0 }, '← Back');
    back.addEventListener('click', () => this.go(validPath.slice(0, -1)));
    const heading = isGuideLeaf(at) ? this.leafCard(at) : this.question(at);
    this.flow.replaceChildren(h('nav', { class: 'breadcrumbs', 'aria-label': 'Answers so far' }, crumbs), back, heading);
    if (focus) this.flow.querySelector<HTMLElement>('[data-focus-target]')?.focus();
  }

  private go(path: number[]): void {
    this.host.state.guidePath = path;
    this.host.save();
    this.render(true);
  }

  private crumb(label: string, depth: number, current: boolean): HTMLElement {
    if (current) return h('span', { 'aria-current': 'step' }, label);
    const b = h('button', { type: 'button', class: 'link', 'data-depth': depth }, label);
    b.addEventListener('click', () => this.go(this.host.state.guidePath.slice(0, depth)));
    return b;
  }

  private question(node: GuideNode): HTMLElement {
    const headingId = `q-${node.id}`;
    return h(
      'div',
      { class: 'question', 'data-node': node.id },
      h('h2', { id: headingId, tabindex: -1, 'data-focus-target': true }, node.question),
      h(
        'div',
        { class: 'options', role: 'group', 'aria-labelledby': headingId },
        node.options.map((o, i) => {
          const b = h(
            'button',
            { type: 'button', class: 'option', 'data-option': i },
            h('span', { class: 'option-label' }, o.label),
            h('span', { class: 'option-description' }, o.description),
          );
          b.addEventListener('click', () => this.go([...this.host.state.guidePath, i]));
          return b;
        }),
      ),
    );
  }

  private leafCard(leaf: GuideLeaf): HTMLElement {
    const entry = getCatalogEntry(leaf.lossId);
    const title = entry?.title ?? leaf.lossId;
    const fw = this.host.framework();
    const plot = h('button', { type: 'button', 'data-action': 'plot' }, 'Plot');
    plot.addEventListener('click', () => this.host.plot(leaf.lossId));
    const insert = h(
      'button',
      { type: 'button', class: 'secondary', 'data-action': 'insert' },
      fw ? `Insert snippet (${FRAMEWORK_NAMES[fw]})` : 'Insert snippet',
    );
    insert.title = fw ? 'Insert at the cursor of the last focused editor' : 'Focus a Python, TypeScript or JavaScript editor first';
    insert.addEventListener('click', () => this.host.post({ v: 1, type: 'insertSnippet', lossId: leaf.lossId, params: {} }));
    const copy = h('button', { type: 'button', class: 'secondary', 'data-action': 'copy' }, 'Copy');
    copy.addEventListener('click', () => this.host.post({ v: 1, type: 'copySnippet', lossId: leaf.lossId, params: {} }));
    const names = entry
      ? Object.entries(entry.names)
          .map(([f, list]) => `${FRAMEWORK_NAMES[f as SnippetFramework]}: ${list![0]}`)
          .join(' · ')
      : '';
    return h(
      'article',
      { class: 'leaf-card', 'data-leaf': leaf.lossId, 'aria-labelledby': 'leaf-title' },
      h('p', { class: 'eyebrow' }, 'Recommended loss'),
      h('h2', { id: 'leaf-title', tabindex: -1, 'data-focus-target': true }, title),
      names && h('p', { class: 'names' }, names),
      h(
        'dl',
        {},
        h('dt', {}, 'Output activation'),
        h('dd', { 'data-field': 'activation' }, leaf.activation),
        h('dt', {}, 'Why'),
        h('dd', { 'data-field': 'why' }, leaf.why),
        entry && [h('dt', {}, 'Formula'), h('dd', { class: 'formula' }, entry.formula)],
        entry && [h('dt', {}, 'Avoid when'), h('dd', {}, entry.whenNot)],
        h('dt', {}, 'Alternatives'),
        h(
          'dd',
          { class: 'alternatives' },
          h(
            'ul',
            {},
            leaf.alternatives.map(id => {
              const b = h(
                'button',
                { type: 'button', class: 'link', 'data-alternative': id, title: 'Plot it' },
                getCatalogEntry(id)?.title ?? id,
              );
              b.addEventListener('click', () => this.host.plot(id));
              return h('li', {}, b);
            }),
          ),
        ),
      ),
      h('div', { class: 'row buttons' }, plot, insert, copy),
    );
  }

  private quickReferenceTable(): HTMLElement {
    return h(
      'table',
      { class: 'data-table quick-reference', 'aria-labelledby': 'quick-reference-heading' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Task'), h('th', { scope: 'col' }, 'Loss'), h('th', { scope: 'col' }, 'Output activation')),
      ),
      h(
        'tbody',
        {},
        quickReference.map(row => {
          const b = h(
            'button',
            { type: 'button', class: 'link', 'data-plot': row.lossId, title: 'Plot it' },
            getCatalogEntry(row.lossId)?.title ?? row.lossId,
          );
          b.addEventListener('click', () => this.host.plot(row.lossId));
          return h('tr', {}, h('th', { scope: 'row' }, row.task), h('td', {}, b), h('td', {}, row.activation));
        }),
      ),
    );
  }
}
