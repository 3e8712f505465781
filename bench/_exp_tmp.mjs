import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
await Parser.init();
const lang = await Language.load('node_modules/tree-sitter-python/tree-sitter-python.wasm');
const p = new Parser(); p.setLanguage(lang);
const files = execSync("find /tmp/corpus/x -name '*.py'").toString().trim().split('\n');
const texts = files.map(f => readFileSync(f, 'utf8'));
const trees = texts.map(t => p.parse(t));
const N = 65536;
const named = new Uint8Array(N); const tokLen = new Int16Array(N).fill(-1);
for (let i=0;i<lang.nodeTypeCount;i++) { named[i]=lang.nodeTypeIsNamed(i)?1:0; if (!named[i]) tokLen[i] = lang.nodeTypeForId(i).length; }
named[65535]=1;
const strId = lang.idForNodeType('string', true), identId = lang.idForNodeType('identifier', true);
console.log('ident ids', [...Array(lang.nodeTypeCount).keys()].filter(i=>lang.nodeTypeForId(i)==='identifier'));
let cap = 1<<16; let type = new Uint16Array(cap), start=new Int32Array(cap), end=new Int32Array(cap), first=new Int32Array(cap), count=new Int32Array(cap);
let nodes = new Array(cap);
function snapshot(tree, text, check) {
  const root = tree.rootNode; const dc = root.descendantCount;
  if (dc > cap) { while (cap < dc) cap *= 2; type = new Uint16Array(cap); start=new Int32Array(cap); end=new Int32Array(cap); first=new Int32Array(cap); count=new Int32Array(cap); nodes = new Array(cap);}
  nodes[0]=root; type[0]=root.typeId; start[0]=root.startIndex; end[0] = root.endIndex; let n = 1;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]; nodes[i] = undefined; const t = type[i];
    if (t === strId) { end[i] = node.endIndex; count[i]=0; continue; }
    const ch = node.children; const m = ch.length; count[i] = m; first[i] = n;
    if (m === 0) { // leaf
      if (i===0) {}
      else if (!named[t]) end[i] = start[i] + tokLen[t];
      else if (t === identId) { let j = start[i]; for (;;) { const c = text.charCodeAt(j); if ((c>=97&&c<=122)||(c>=65&&c<=90)||(c>=48&&c<=57)||c===95) j++; else if (c > 127) { j = node.endIndex; break; } else break; } end[i]=j; }
      else end[i] = node.endIndex;
      if (check && end[i] !== node.endIndex) console.log('mismatch leaf', node.type, start[i], end[i], node.endIndex);
      continue;
    }
    for (let k = 0; k < m; k++) { const c = ch[k]; nodes[n] = c; type[n] = c.typeId; start[n] = c.startIndex; n++; }
  }
  for (let i = n-1; i > 0; i--) if (count[i] > 0) end[i] = end[first[i]+count[i]-1];
  return n;
}
let t0 = performance.now(); let tot = 0; for (let k=0;k<trees.length;k++) tot += snapshot(trees[k], texts[k], false); console.log('snapshot', (performance.now()-t0).toFixed(0), tot);
t0 = performance.now(); tot = 0; for (let k=0;k<trees.length;k++) tot += snapshot(trees[k], texts[k], false); console.log('snapshot', (performance.now()-t0).toFixed(0), tot);
// verify internal ends
let bad = 0;
for (let k=0;k<trees.length;k++) { const n = snapshot(trees[k], texts[k], true); 
  // recompute via cursor compare
  const c = trees[k].walk(); let i = 0; const ends = [];
  // BFS order equals our order; do BFS via Node API
  const q=[trees[k].rootNode]; for (let j=0;j<q.length;j++){ const x=q[j]; if (x.endIndex!==end[j] || x.typeId!==type[j]) { if (bad++<10) console.log('bad', files[k], x.type, x.startIndex, x.endIndex, end[j]); } if (x.typeId!==strId) for (const y of x.children) q.push(y);} 
  if (q.length!==n) console.log('count mismatch');
}
console.log('bad', bad);
