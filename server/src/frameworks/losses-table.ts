// Loss tables are written as rows; this turns a pack's rows into specs with the defaults filled in.
import type { ArgRef, Framework, LossFamily, LossSpec } from './types';

export const arg = (pos: number, ...kw: string[]): ArgRef => ({ pos, kw });

export type LossRow = [path: string, label: string, family: LossFamily, coreId: string | undefined, extra?: Partial<LossSpec>];

/** Specs from rows: a function of (input, target) unless the row says otherwise. */
export function lossSpecs(rows: readonly LossRow[], framework: Framework, defaults: Partial<LossSpec> = {}): LossSpec[] {
  return rows.map(([path, label, family, coreId, extra]) => ({
    path, label, family, coreId, framework,
    form: 'function',
    input: arg(0, 'input'),
    target: arg(1, 'target'),
    ...defaults,
    ...extra,
  }));
}
