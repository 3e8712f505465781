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
