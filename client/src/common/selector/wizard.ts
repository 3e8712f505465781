// The "Choose a Loss Function" wizard as a pure state machine over core's guide. The QuickPick in
// ../commands/choose-loss.ts only renders states and feeds actions back; everything that decides
// what comes next lives here and is unit-tested. States are immutable: back navigation is a pop.
import {
  getCatalogEntry,
  guide as defaultGuide,
  isGuideLeaf,
  type Framework,
  type GuideLeaf,
  type GuideNode,
  type LossId,
} from '../../../../core/src/knowledge';
import type { FrameworkDecision } from './imports';

export type WizardStep =
  | { kind: 'question'; node: GuideNode }
  | { kind: 'search' }
  /** Asked once, right before the first result, when the file's imports do not decide it. */
  | { kind: 'framework'; lossId: LossId; leaf?: GuideLeaf }
  /** `framework` is set on the result that follows a framework step; later results inherit it. */
  | { kind: 'result'; lossId: LossId; leaf?: GuideLeaf; framework?: Framework };

export interface WizardState {
  readonly steps: readonly WizardStep[];
  readonly decision: FrameworkDecision;
}

export type WizardAction =
  | { type: 'option'; index: number }
  | { type: 'search' }
  | { type: 'loss'; lossId: LossId; leaf?: GuideLeaf }
  | { type: 'framework'; framework: Framework }
  | { type: 'back' };

export function startWizard(decision: FrameworkDecision, mode: 'guide' | 'search' = 'guide', root: GuideNode = defaultGuide): WizardState {
  return { steps: [mode === 'search' ? { kind: 'search' } : { kind: 'question', node: root }], decision };
}

export function currentStep(state: WizardState): WizardStep {
  return state.steps[state.steps.length - 1];
}

export function canGoBack(state: WizardState): boolean {
  return state.steps.length > 1;
}

/** The framework snippets are for: the file's, or the one picked; undefined while it is still open. */
export function snippetFramework(state: WizardState): Framework | undefined {
  if (state.decision.kind === 'known') return state.decision.framework;
  for (let i = state.steps.length - 1; i >= 0; i--) {
    const s = state.steps[i];
    if (s.kind === 'result' && s.framework) return s.framework;
  }
  return undefined;
}

function push(state: WizardState, step: WizardStep): WizardState {
  return { ...state, steps: [...state.steps, step] };
}

function toLoss(state: WizardState, lossId: LossId, leaf?: GuideLeaf): WizardState {
  if (!getCatalogEntry(lossId)) throw new Error(`unknown loss '${lossId}'`);
  if (state.decision.kind === 'ask' && snippetFramework(state) === undefined) return push(state, { kind: 'framework', lossId, leaf });
  return push(state, { kind: 'result', lossId, leaf });
}

/** The next state; throws on an action the current step does not offer (a bug in the caller). */
export function applyAction(state: WizardState, action: WizardAction): WizardState {
  const step = currentStep(state);
  switch (action.type) {
    case 'back':
      // Popping the result that holds a framework pick forgets the pick, so it is asked again.
      return canGoBack(state) ? { ...state, steps: state.steps.slice(0, -1) } : state;
    case 'option': {
      if (step.kind !== 'question') throw new Error(`'option' on a ${step.kind} step`);
      const option = step.node.options[action.index];
      if (!option) throw new Error(`no option ${action.index} in '${step.node.id}'`);
      return isGuideLeaf(option.next)
        ? toLoss(state, option.next.lossId, option.next)
        : push(state, { kind: 'question', node: option.next });
    }
    case 'search':
      if (step.kind !== 'question') throw new Error(`'search' on a ${step.kind} step`);
      return push(state, { kind: 'search' });
    case 'loss':
      if (step.kind !== 'search' && step.kind !== 'result') throw new Error(`'loss' on a ${step.kind} step`);
      return toLoss(state, action.lossId, action.leaf);
    case 'framework':
      if (step.kind !== 'framework') throw new Error(`'framework' on a ${step.kind} step`);
      if (state.decision.kind === 'ask' && !state.decision.choices.includes(action.framework))
        throw new Error(`'${action.framework}' is not offered`);
      return push(state, { kind: 'result', lossId: step.lossId, leaf: step.leaf, framework: action.framework });
  }
}

/** Every path through a guide: the option labels taken and the leaf reached (tests, docs). */
export function guidePaths(root: GuideNode = defaultGuide): { labels: string[]; indices: number[]; leaf: GuideLeaf }[] {
  const out: { labels: string[]; indices: number[]; leaf: GuideLeaf }[] = [];
  const walk = (node: GuideNode, labels: string[], indices: number[]) => {
    node.options.forEach((o, i) => {
      if (isGuideLeaf(o.next)) out.push({ labels: [...labels, o.label], indices: [...indices, i], leaf: o.next });
      else walk(o.next, [...labels, o.label], [...indices, i]);
    });
  };
  walk(root, [], []);
  return out;
}
