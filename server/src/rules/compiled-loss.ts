// What loss a Keras / TF.js `compile(loss=…)` argument names, and with which expectations.
import type { CompileEvent } from '../analysis/engine/events';
import { KERAS_LOSS_STRINGS, LOSS_SPECS, TFJS_LOSS_STRINGS } from '../frameworks/registry';
import type { LossFamily, LossSpec } from '../frameworks/types';

export interface CompiledLoss {
  family: LossFamily;
  label: string;
  spec?: LossSpec;
  sparse: boolean;
  /** The loss was given as a string (LL021 checks the name). */
  string?: string;
  fromLogits: boolean;
}

export function compiledLoss(ev: CompileEvent): CompiledLoss | undefined {
  const v = ev.loss.value;
  if (v.t === 'const' && typeof v.value === 'string') {
    if (ev.framework === 'keras') {
      if (!KERAS_LOSS_STRINGS.has(v.value)) return undefined;
      const path = KERAS_LOSS_STRINGS.get(v.value);
      const spec = path ? LOSS_SPECS.get(path) : undefined;
      return {
        family: spec ? (spec.fromLogits ? spec.fromLogits.probs : spec.family) : 'other',
        label: `'${v.value}'`,
        spec,
        sparse: !!spec?.sparseTarget,
        string: v.value,
        fromLogits: false,
      };
    }
    const t = TFJS_LOSS_STRINGS.get(v.value);
    if (!t) return undefined;
    return { family: t.family, label: `'${v.value}'`, sparse: !!t.sparse, string: v.value, fromLogits: false };
  }
  if (v.t === 'object' || v.t === 'sym') {
    const spec = LOSS_SPECS.get(v.path);
    if (!spec) return undefined;
    let fromLogits = false;
    if (v.t === 'object' && v.call) {
      const fl = v.call.keywords.get('from_logits');
      if (fl && fl.t !== 'const') return undefined; // decided at run time
      fromLogits = !!fl && fl.t === 'const' && fl.value === true;
    }
    const family = spec.fromLogits ? (fromLogits ? spec.fromLogits.logits : spec.fromLogits.probs) : spec.family;
    return { family, label: spec.label + (v.t === 'object' ? '(…)' : ''), spec, sparse: !!spec.sparseTarget, fromLogits };
  }
  return undefined;
}
