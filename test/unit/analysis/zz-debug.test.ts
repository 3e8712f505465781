import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { workspaceOf } from '../../helpers/analysis';
test('dbg', async () => {
  const text = readFileSync('/tmp/l17/a.py', 'utf8');
  const { ws, uriOf } = await workspaceOf({ 'a.py': text });
  const r = (ws as any).inspect(uriOf('a.py'));
  const res = await r;
  for (const e of res.events) if (e.type === 'gradient' || e.type === 'function' || e.type === 'return') console.log(e.type, JSON.stringify(e.value ?? e.def?.name)?.slice(0, 300));
});
