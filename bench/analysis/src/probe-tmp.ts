import { Interpreter } from '../../../server/src/analysis/engine/interpreter';
import { rules } from '../../../server/src/rules/registry';
import { frontEnds } from './setup';
import { trainingFile } from './training-code';
async function main() {
  const fe = (await frontEnds())('python');
  const text = trainingFile(5000);
  const m = fe.parse('file:///a.py', text);
  const loader = { resolve: () => undefined };
  for (let r = 0; r < 30; r++) { const i = new Interpreter(loader); i.run('file:///a.py', m, text); }
  const T: Record<string, number> = {};
  const add = (k: string, v: number) => { T[k] = (T[k] ?? 0) + v; };
  const N = 50;
  for (let r = 0; r < N; r++) {
    const it = new Interpreter(loader) as any;
    let t = performance.now();
    const scope = it.evalModule('file:///a.py', m, text); add('evalModule', performance.now() - t); t = performance.now();
    it.analyseDefinitions(m.body, scope, 'file:///a.py', 'functions'); add('functions', performance.now() - t); t = performance.now();
    it.analyseDefinitions(m.body, scope, 'file:///a.py', 'classes'); add('classes', performance.now() - t); t = performance.now();
    for (const rule of rules) { const t0 = performance.now(); rule.check({ uri: 'file:///a.py', events: it.events, text: () => text, report: () => {} } as any); add('rule ' + rule.meta.id, performance.now() - t0); }
    add('rules', performance.now() - t);
    if (r === 0) console.log('calls', it.callCount, 'events', it.events.length);
  }
  for (const [k, v] of Object.entries(T).sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(k.padEnd(12), (v / N).toFixed(2));
}
main();
