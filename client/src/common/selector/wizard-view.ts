// What the QuickPick shows for each wizard state, and what each item does. Pure data, so tests can walk
// the wizard exactly as a user would (pick the item labelled X) without a VS Code.
import { catalog, getCatalogEntry, type CatalogEntry, type Framework, type LossId } from '../../../../core/src/knowledge';
import { currentStep, snippetFramework, type WizardAction, type WizardState } from './wizard';
import { FRAMEWORK_LABELS, FRAMEWORKS, lossSnippets, type LossSnippet } from './snippets';
import { searchText } from './search';

export type ItemEffect =
  | { kind: 'wizard'; action: WizardAction }
  | { kind: 'insert'; snippet: LossSnippet }
  | { kind: 'copy'; snippet: LossSnippet }
  | { kind: 'explorer'; lossId: LossId };

export interface ViewItem {
  label: string;
  description?: string;
  detail?: string;
  /** A separator row (no effect). */
  separator?: boolean;
  effect?: ItemEffect;
}

export interface StepView {
  /** Stable id of the step, for tests and the e2e hook: `question:<node id>`, `search`, `framework`, `result:<loss id>`. */
  id: string;
  title: string;
  placeholder: string;
  items: ViewItem[];
  /** Search lists match on names and descriptions too ("kl" finds nn.KLDivLoss). */
  matchOnDescription: boolean;
  matchOnDetail: boolean;
}

export interface ViewContext {
  /** False without a Python/TS/JS editor: the result offers copy (per framework) instead of insert. */
  canInsert: boolean;
}

const TITLE = 'LossLens: Choose a Loss Function';

/** The first sentence of a catalog text, for one-line item details. */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return (m ? m[1] : text).trim();
}

export function viewOf(state: WizardState, ctx: ViewContext): StepView {
  const step = currentStep(state);
  switch (step.kind) {
    case 'question': {
      const items: ViewItem[] = step.node.options.map((o, index) => ({
        label: o.label,
        description: o.description,
        effect: { kind: 'wizard', action: { type: 'option', index } },
      }));
      if (state.steps.length === 1) {
        items.push({ label: '', separator: true });
        items.push({
          label: '$(search) Search all losses by name…',
          description: 'focal, kl, triplet, huber…',
          effect: { kind: 'wizard', action: { type: 'search' } },
        });
      }
      return {
        id: `question:${step.node.id}`,
        title: TITLE,
        placeholder: step.node.question,
        items,
        matchOnDescription: false,
        matchOnDetail: false,
      };
    }
    case 'search':
      return {
        id: 'search',
        title: `${TITLE}: search`,
        placeholder: 'Type a loss name: focal, kl, triplet, huber, nn.BCEWithLogitsLoss…',
        items: catalog.map(searchItem),
        matchOnDescription: true,
        matchOnDetail: true,
      };
    case 'framework': {
      const choices = state.decision.kind === 'ask' ? state.decision.choices : FRAMEWORKS;
      return {
        id: 'framework',
        title: `${TITLE}: framework`,
        placeholder: 'This file imports none of PyTorch, Keras and JAX yet (or several): which one is it for?',
        items: choices.map(framework => ({
          label: FRAMEWORK_LABELS[framework],
          description: FRAMEWORK_HINTS[framework],
          effect: { kind: 'wizard', action: { type: 'framework', framework } },
        })),
        matchOnDescription: false,
        matchOnDetail: false,
      };
    }
    case 'result':
      return resultView(state, step.lossId, step.leaf, ctx);
  }
}

const FRAMEWORK_HINTS: Record<Framework, string> = {
  torch: 'torch.nn losses and torch.nn.functional',
  keras: 'keras.losses and model.compile',
  tfjs: 'tf.losses and model.compile',
  jax: 'optax losses, jax.nn activations',
};

function searchItem(entry: CatalogEntry): ViewItem {
  return {
    label: entry.title,
    description: searchText(entry).description,
    detail: firstSentence(entry.whenToUse),
    effect: { kind: 'wizard', action: { type: 'loss', lossId: entry.id } },
  };
}

function resultView(state: WizardState, lossId: LossId, leaf: WizardStepLeaf, ctx: ViewContext): StepView {
  const entry = getCatalogEntry(lossId)!;
  const items: ViewItem[] = [];
  const reason = leaf ? `${leaf.why}` : firstSentence(entry.whenToUse);
  const framework = snippetFramework(state);
  if (ctx.canInsert && framework) {
    const snippets = lossSnippets(lossId, framework);
    snippets.forEach((snippet, i) => {
      items.push({
        label: `$(insert) Insert ${snippet.label}`,
        description: `${FRAMEWORK_LABELS[framework]} · ${FORM_LABELS[snippet.form]}`,
        detail: i === 0 ? reason : undefined,
        effect: { kind: 'insert', snippet },
      });
    });
    if (snippets[0])
      items.push({
        label: `$(copy) Copy ${snippets[0].label}`,
        description: 'to the clipboard',
        effect: { kind: 'copy', snippet: snippets[0] },
      });
  } else {
    for (const fw of framework ? [framework] : FRAMEWORKS) {
      const first = lossSnippets(lossId, fw)[0];
      if (!first) continue;
      items.push({
        label: `$(copy) Copy ${first.label}`,
        description: `${FRAMEWORK_LABELS[fw]} · ${FORM_LABELS[first.form]}`,
        detail: items.length === 0 ? reason : undefined,
        effect: { kind: 'copy', snippet: first },
      });
    }
  }
  items.push({
    label: '$(graph-line) Open in Loss Explorer',
    description: 'loss and gradient curves, parameters',
    effect: { kind: 'explorer', lossId },
  });
  const alternatives = leaf?.alternatives ?? [];
  if (alternatives.length > 0) {
    items.push({ label: 'Alternatives', separator: true });
    for (const alt of alternatives) {
      const a = getCatalogEntry(alt);
      if (!a) continue;
      items.push({
        label: `$(arrow-right) ${a.title}`,
        description: alt,
        detail: firstSentence(a.whenToUse),
        effect: { kind: 'wizard', action: { type: 'loss', lossId: alt } },
      });
    }
  }
  return {
    id: `result:${lossId}`,
    title: leaf ? `Recommended: ${entry.title}` : entry.title,
    placeholder: leaf ? `Output activation: ${leaf.activation}` : 'Insert, copy or explore this loss',
    items,
    matchOnDescription: false,
    matchOnDetail: false,
  };
}

type WizardStepLeaf = Extract<ReturnType<typeof currentStep>, { kind: 'result' }>['leaf'];

const FORM_LABELS: Record<LossSnippet['form'], string> = {
  class: 'loss object',
  functional: 'functional form',
  compile: 'compile string',
  custom: 'custom implementation',
};
