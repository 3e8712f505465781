// renderSvg(): well-formed, self-contained XML (checked by a small tag-balance parser, no DOM), escaped text,
// gaps at non-finite points, theme-neutral colours, size options; curveSvg()/data URI on top of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  INK,
  SERIES_PALETTE,
  contrastRatio,
  curve,
  curveSvg,
  curveSvgDataUri,
  escapeXml,
  renderSvg,
  catalog,
} from '../../../core/src/knowledge';

/**
 * Minimal XML well-formedness check: balanced, properly nested tags, quoted attributes without '<',
 * no raw '<' or bare '&' in text. Returns the element names in document order.
 */
function checkXml(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  const entity = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
  let i = 0;
  while (i < xml.length) {
    const ch = xml[i];
    if (ch === '<') {
      const end = xml.indexOf('>', i);
      assert.ok(end > i, `unterminated tag at ${i}`);
      const tag = xml.slice(i + 1, end);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        assert.equal(stack.pop(), name, `mismatched </${name}> at ${i}`);
      } else {
        const selfClosing = tag.endsWith('/');
        const body = selfClosing ? tag.slice(0, -1) : tag;
        const m = /^([A-Za-z][\w:-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*$/.exec(body);
        assert.ok(m, `malformed tag <${tag}>`);
        names.push(m[1]);
        if (!selfClosing) stack.push(m[1]);
      }
      i = end + 1;
    } else {
      if (ch === '&') assert.ok(entity.test(xml.slice(i)), `bare & at ${i}: ${xml.slice(i, i + 12)}`);
      assert.notEqual(ch, '>', `raw > in text at ${i}`);
      i++;
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  return names;
}

const line = (label: string, ys: number[], x?: number[]) => ({
  label,
  x: Float64Array.from(x ?? ys.map((_, i) => i)),
  y: Float64Array.from(ys),
});

test('output is a single well-formed <svg> element with size attributes and no external references', () => {
  const c = curve('huberLoss');
  const svg = renderSvg(
    [
      { label: 'loss', x: c.x, y: c.loss },
      { label: 'gradient', x: c.x, y: c.grad, dashed: true },
    ],
    { width: 400, height: 250, title: 'Huber loss', caption: 'delta = 1', xLabel: 'error', yLabel: 'value' },
  );
  const names = checkXml(svg);
  assert.equal(names[0], 'svg');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="400" height="250" viewBox="0 0 400 250"/);
  assert.ok(svg.endsWith('</svg>'));
  assert.equal(names.filter(n => n === 'path').length, 2, 'one path per series');
  for (const forbidden of ['script', 'foreignObject', 'image', 'use', 'a', 'style']) assert.ok(!names.includes(forbidden), forbidden);
  assert.ok(!/href|on[a-z]+=|javascript:/i.test(svg), 'no links or event handlers');
  assert.equal(svg.match(/https?:\/\//g)?.length, 1, 'the xmlns is the only URL');
  for (const text of ['Huber loss', 'delta = 1', 'error', 'value', 'loss', 'gradient']) assert.ok(svg.includes(`>${text}<`), text);
  assert.ok(svg.includes('stroke-dasharray'), 'dashed series');
});

test('labels, title and caption are escaped (no markup injection)', () => {
  const evil = `</text><script>alert("x")</script><a href='javascript:1'>&`;
  const svg = renderSvg([line(evil, [1, 2, 3])], { title: evil, caption: evil, xLabel: evil, yLabel: evil });
  checkXml(svg);
  assert.ok(!svg.includes('<script'));
  assert.ok(svg.includes('&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.equal(escapeXml('a\u0000b\u0007c'), 'abc', 'control characters XML forbids are dropped');
  assert.equal(escapeXml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
});

test('colours: only #hex values are accepted, so no attribute can be injected through them', () => {
  assert.throws(() => renderSvg([{ ...line('a', [1, 2]), color: 'red" onload="x' }]), /color must be/);
  assert.throws(() => renderSvg([line('a', [1, 2])], { background: 'url(http://x)' }), /background must be/);
  const svg = renderSvg([{ ...line('a', [1, 2]), color: '#123456' }], { background: '#fff' });
  assert.ok(svg.includes('stroke="#123456"') && svg.includes('fill="#fff"'));
});

test('NaN and ±Infinity break the line into separate segments', () => {
  const ys = [0, 1, Number.NaN, 3, 4, Number.POSITIVE_INFINITY, 6, 7, Number.NEGATIVE_INFINITY];
  const svg = renderSvg([line('broken', ys)]);
  checkXml(svg);
  const d = /<path d="([^"]+)"/.exec(svg)![1];
  assert.equal((d.match(/M/g) ?? []).length, 3, `three segments: ${d}`);
  assert.equal((d.match(/L/g) ?? []).length, 3);
  assert.ok(!/NaN|Infinity/.test(svg), 'no non-finite numbers in the output');
  const allBad = renderSvg([line('nothing', [Number.NaN, Number.NaN])]);
  checkXml(allBad);
  assert.ok(!allBad.includes('<path'), 'an all-NaN series draws nothing');
  const empty = renderSvg([]);
  checkXml(empty);
});

test('huge values, constant series and explicit bounds still give finite coordinates', () => {
  for (const svg of [
    renderSvg([line('huge', [1e300, -1e300, 0])]),
    renderSvg([line('flat', [2, 2, 2])]),
    renderSvg([line('clipped', [0, 100, 0])], { yMin: 0, yMax: 1 }),
    renderSvg([line('one', [5])]),
  ]) {
    checkXml(svg);
    assert.ok(!/NaN|Infinity/.test(svg), svg.slice(0, 200));
  }
});

test('width and height are validated', () => {
  assert.throws(() => renderSvg([], { width: 0 }), /width/);
  assert.throws(() => renderSvg([], { height: Number.NaN }), /height/);
  assert.match(renderSvg([], { width: 120, height: 90 }), /width="120" height="90"/);
});

test('palette and ink keep ≥ 3:1 contrast on light (#ffffff) and dark (#1e1e1e) themes', () => {
  for (const c of [...SERIES_PALETTE, INK]) {
    assert.ok(contrastRatio(c, '#ffffff') >= 3, `${c} on white: ${contrastRatio(c, '#ffffff').toFixed(2)}`);
    assert.ok(contrastRatio(c, '#1e1e1e') >= 3, `${c} on #1e1e1e: ${contrastRatio(c, '#1e1e1e').toFixed(2)}`);
  }
  const svg = renderSvg([line('a', [1, 2]), line('b', [2, 1])]);
  assert.ok(!/currentColor|#000\b|#000000|#fff\b|#ffffff/i.test(svg), 'no theme-dependent black/white ink');
});

test('curveSvg renders every catalog loss, with parameter values in the caption', () => {
  for (const e of catalog) {
    const svg = curveSvg(e.id);
    checkXml(svg);
    assert.ok(svg.includes(escapeXml(e.title)), e.id);
  }
  const svg = curveSvg('huberLoss', { delta: 2 });
  assert.ok(svg.includes('>delta = 2<'));
  const uri = curveSvgDataUri('sigmoidFocalLoss', { gamma: 3 });
  assert.match(uri, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
  const decoded = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').toString('utf8');
  assert.equal(decoded, curveSvg('sigmoidFocalLoss', { gamma: 3 }), 'base64 of the UTF-8 text (titles contain non-ASCII)');
});

test('axis ticks: nice steps, at least three per axis, compact labels', async () => {
  const { niceTicks, formatTick, formatValue } = await import('../../../core/src/knowledge/svg/ticks');
  const cases: [number, number, number, number[]][] = [
    [0, 10, 5, [0, 2, 4, 6, 8, 10]],
    [-3.45, 4.95, 4, [-2, 0, 2, 4]],
    [0.05, 0.99, 4, [0.2, 0.4, 0.6, 0.8]],
    [-1, 1, 2, [-1, 0, 1]],
  ];
  for (const [lo, hi, max, expected] of cases) {
    const ticks = niceTicks(lo, hi, max);
    assert.equal(ticks.length, expected.length, `[${lo}, ${hi}] → ${ticks.join(', ')}`);
    ticks.forEach((t, i) => assert.ok(Math.abs(t - expected[i]) < 1e-12, `[${lo}, ${hi}] → ${ticks.join(', ')}`));
  }
  assert.equal(formatTick(0.30000000000000004, 0.1), '0.3');
  assert.equal(formatTick(-2, 2), '-2');
  assert.equal(formatTick(2e6, 1e6), '2.0e6');
  assert.equal(formatValue(0.25), '0.25');
  assert.equal(formatValue(1e-6), '1.00e-6');
});
