// One parameter: a labelled slider and a number input kept in step, both limited to the catalog's range.
// Native range inputs already move with the arrow keys (and Page Up/Down, Home/End).
import type { LossParam } from '../../../core/src/index';
import { h, uniqueId } from './dom';
import { clampParam } from './sources';
import { formatParam } from './plot-data';

export function sliderStep(p: LossParam): number {
  if (p.step) return p.step;
  // About 100 steps over the range, rounded to 1, 2 or 5 × 10^k so values stay readable.
  const raw = (p.max - p.min) / 100;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = raw / pow;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : 5) * pow;
}

export function paramControl(p: LossParam, value: number, onChange: (v: number) => void, hideHint = false): HTMLElement {
  const id = uniqueId(`param-${p.name}`);
  const hintId = `${id}-hint`;
  const step = sliderStep(p);
  const slider = h('input', {
    type: 'range',
    id,
    min: p.min,
    max: p.max,
    step,
    value,
    'aria-describedby': hintId,
    'data-param': p.name,
  });
  const number = h('input', {
    type: 'number',
    min: p.min,
    max: p.max,
    step,
    value: formatParam(value),
    'aria-label': `${p.name} value`,
    'aria-describedby': hintId,
    'data-param-number': p.name,
  });
  const set = (v: number, from: 'slider' | 'number') => {
    const c = clampParam(p, v);
    if (from !== 'slider') slider.value = String(c);
    if (from !== 'number' || c !== v) number.value = formatParam(c);
    onChange(c);
  };
  slider.addEventListener('input', () => set(Number(slider.value), 'slider'));
  number.addEventListener('input', () => {
    const v = Number(number.value);
    // While typing ("0.", "-") the value may be incomplete: only finite values within range apply now.
    if (number.value !== '' && Number.isFinite(v) && v >= p.min && v <= p.max) set(v, 'number');
  });
  number.addEventListener('change', () => {
    const v = Number(number.value);
    set(number.value !== '' && Number.isFinite(v) ? v : p.default, 'number');
  });
  return h(
    'div',
    { class: 'param' },
    h('label', { for: id }, p.name),
    slider,
    number,
    h('span', { class: hideHint ? 'param-hint visually-hidden' : 'param-hint', id: hintId }, p.meaning),
  );
}
