// Test helpers for hover images: pull the base64 SVG out of hover Markdown and check that it is a
// well-formed XML document with one <path> per plotted curve (no DOM parser in Node).
import assert from 'node:assert/strict';

const IMAGE = /!\[([^\]]*)\]\((data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+))\)/;

/** The image's alt text, data URI and decoded SVG, or undefined when the Markdown has no SVG image. */
export function svgImage(markdown: string): { alt: string; uri: string; svg: string } | undefined {
  const m = IMAGE.exec(markdown);
  if (!m) return undefined;
  return { alt: m[1], uri: m[2], svg: Buffer.from(m[3], 'base64').toString('utf8') };
}

/** Throws unless `xml` is one element with balanced, properly nested tags and quoted attributes. */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const token =
    /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let roots = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    if (m[0] === '<') assert.fail(`stray '<' at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    if (m[0].startsWith('&')) assert.fail(`unescaped '&' at ${m.index}: ${xml.slice(m.index, m.index + 20)}`);
    if (m[0].startsWith('<!--') || m[0].startsWith('<?')) continue;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      assert.equal(stack.pop(), name, `closing </${name}> at ${m.index} does not match`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(roots, 1, 'one root element');
  assert.match(xml.trimStart(), /^<svg\s/, 'the root is <svg>');
}

/** Number of plotted series (each curve is one <path d=…> in the chart). */
export function curveCount(svg: string): number {
  return (svg.match(/<path d="/g) ?? []).length;
}
