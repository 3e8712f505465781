import { Interpreter } from '../../../server/src/analysis/engine/interpreter';
import { Interpreter as Orig } from '../out/orig/server/src/analysis/engine/interpreter';
import { frontEnds } from './setup';
import { trainingFile } from './training-code';
function cpu() { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }
async function main() {
  const fe = (await frontEnds())('python');
  const text = trainingFile(5000);
  const m = fe.parse('file:///a.py', text);
  const loader = { resolve: () => undefined };
  const t: Record<string, number[]> = { new: [], orig: [] };
  for (let r = 0; r < 200; r++) {
    for (const [name, C] of [['new', Interpreter], ['orig', Orig]] as const) {
      const c0 = cpu();
      const it = new (C as typeof Interpreter)(loader); it.run('file:///a.py', m, text);
      if (r >= 30) t[name].push(cpu() - c0);
      if (r === 0) console.log(name, it.events.length, it.callCount);
    }
  }
  for (const [k, v] of Object.entries(t)) { v.sort((a, b) => a - b); console.log(k, 'p50', v[v.length >> 1].toFixed(2), 'p25', v[v.length >> 2].toFixed(2), 'mean', (v.reduce((a, b) => a + b) / v.length).toFixed(2)); }
}
main();
