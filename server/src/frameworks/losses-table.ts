// Loss tables are written as rows; this turns a pack's rows into specs with the defaults filled in.
import type { ArgRef, Framework, LossFamily, LossParam, LossSpec } from './types';

export const arg = (pos: number, ...kw: string[]): ArgRef => ({ pos, kw });

export type LossRow = [path: string, label: string, family: LossFamily, coreId: string | undefined, extra?: Partial<LossSpec>];

export const param = (name: string, pos: number | undefined, def: string, catalog?: string, hidden?: boolean): LossParam => ({
  name,
  pos,
  default: def,
  catalog,
  hidden,
});

/**
 * Specs from rows: a function of (input, target) unless the row says otherwise, configured by the
 * arguments `params` lists for its path.
 */
export function lossSpecs(
  rows: readonly LossRow[],
  framework: Framework,
  params: ReadonlyMap<string, readonly LossParam[]>,
  defaults: Partial<LossSpec> = {},
): LossSpec[] {
  return rows.map(([path, label, family, coreId, extra]) => ({
    path,
    label,
    family,
    coreId,
    framework,
    form: 'function',
    input: arg(0, 'input'),
    target: arg(1, 'target'),
    ...defaults,
    ...extra,
    params: params.get(path) ?? [],
  }));
}

/** What a loss's switch argument holds: a literal, a framework symbol's path, or `COMPUTED` at run time; undefined when not given. */
export type SwitchReading = string | number | boolean | null | { sym: string } | typeof COMPUTED | undefined;
export const COMPUTED = Symbol('computed');

/**
 * The family a configured loss belongs to: its mode (smp), then `from_logits` (Keras keyword, smp
 * constructor argument), then its activation switches (MONAI `sigmoid=`/`softmax=`). A switch computed at
 * run time, or a mode LossLens does not know, gives 'other' (say nothing).
 */
export function configuredFamily(spec: LossSpec, read: (name: string, pos: number | undefined) => SwitchReading): LossFamily {
  let pair = spec.fromLogits;
  if (spec.modes) {
    const m = read(spec.modes.name, spec.modes.pos);
    const key = typeof m === 'string' ? m : m && typeof m === 'object' ? m.sym : undefined;
    pair = key === undefined ? undefined : spec.modes.families[key];
    if (!pair) return 'other';
  }
  if (pair) {
    const fl = read('from_logits', spec.fromLogits?.pos);
    if (fl === COMPUTED || (fl !== null && typeof fl === 'object')) return 'other';
    if (fl === undefined) return spec.fromLogits?.default ? pair.logits : pair.probs;
    return fl === true ? pair.logits : pair.probs;
  }
  for (const sw of spec.activationSwitches ?? []) {
    const v = read(sw.name, sw.pos);
    if (v === undefined || v === false || v === null) continue;
    return v === true ? sw.family : 'other';
  }
  return spec.family;
}
