import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import { KERAS_LOSS_STRINGS, TFJS_LOSS_STRINGS } from '../frameworks/registry';

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

const squash = (s: string) => s.toLowerCase().replace(/[_\s-]/g, '');
// Names from the other framework or from the ops API that people reach for.
const ALIASES: Record<string, string> = {
  softmaxcrossentropy: 'categoricalcrossentropy',
  sigmoidcrossentropy: 'binarycrossentropy',
  crossentropy: 'categoricalcrossentropy',
  logloss: 'binarycrossentropy',
  meansquarederror: 'meansquarederror',
  nll: 'sparsecategoricalcrossentropy',
};

/** The valid name closest to `name` in `valid`, or undefined when nothing is close. */
export function nearestLossName(name: string, valid: readonly string[]): string | undefined {
  const key = ALIASES[squash(name)] ?? squash(name);
  const exact = valid.find(v => squash(v) === key);
  if (exact) return exact;
  let best: string | undefined;
  let bestD = Infinity;
  for (const v of valid) {
    const d = editDistance(key, squash(v));
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}

export const unknownLossName: Rule = {
  meta: {
    id: 'LL021',
    name: 'unknown-loss-name',
    severity: 'error',
    frameworks: ['keras', 'tfjs'],
    summary: 'Unknown loss name in compile (per framework)',
    fix: { title: 'Use the valid loss name', applicability: 'safe' },
    docs: {
      what: "Flags a `compile(loss='…')` string that the framework does not know. Keras accepts snake_case names and short aliases ('mse', 'mae', 'kld'…); TF.js layers accepts only camelCase names ('categoricalCrossentropy', 'meanSquaredError') and no short aliases; 'softmaxCrossEntropy' is an ops function in TF.js, not a compile name, in either framework.",
      why: 'The mistake only surfaces when compile runs — after data loading, often minutes into a job, or only in the browser — with an "Unknown loss" error.',
      example: {
        language: 'python',
        code: [
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])',
          'model.compile(optimizer="adam", loss="categoricalCrossentropy")',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])',
          'model.compile(optimizer="adam", loss="categorical_crossentropy")',
        ].join('\n'),
      },
      fixSafety: 'Safe: the loss the name was meant to select is used; the fix is offered only when one valid name is clearly closest.',
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'compile')) {
      const v = ev.loss.value;
      if (v.t !== 'const' || typeof v.value !== 'string' || ev.loss.expr.k !== 'str') continue;
      const names = ev.framework === 'keras' ? KERAS_LOSS_STRINGS : TFJS_LOSS_STRINGS;
      if (names.has(v.value) || !kept({ uri: ev.loss.uri, span: ev.loss.expr.span })) continue;
      const valid = [...names.keys()];
      const near = nearestLossName(v.value, valid);
      const text = ctx.text(ev.loss.uri) ?? '';
      // The closing character: the opening one may be a prefix (r'…') or part of a triple quote.
      const quote = text[ev.loss.expr.span.end - 1] ?? "'";
      ctx.report({
        uri: ev.loss.uri,
        span: ev.loss.expr.span,
        message: `'${v.value}' is not a ${ev.framework === 'keras' ? 'Keras' : 'TF.js'} loss name: compile will fail with "Unknown loss".${near ? ` Did you mean '${near}'?` : ''}`,
        fix: near
          ? {
              title: `Use '${near}'`,
              applicability: 'safe',
              edits: [{ uri: ev.loss.uri, span: ev.loss.expr.span, newText: `${quote}${near}${quote}` }],
            }
          : undefined,
      });
    }
  },
};
