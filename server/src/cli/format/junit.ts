// JUnit XML for CI test reports: a test suite per file, one failing test case per finding; a clean
// run is one passing test case, so the report is never empty.
import type { OutputRecord } from '../output-record';
import { displayPath } from '../paths';

/** Text for XML attributes and content: the five special characters, and no characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export function formatJunit(records: readonly OutputRecord[], cwd: string): string {
  const byFile = new Map<string, OutputRecord[]>();
  for (const r of records) {
    const path = displayPath(r.file, cwd);
    const list = byFile.get(path);
    if (list) list.push(r);
    else byFile.set(path, [r]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="LossLens" tests="${Math.max(1, records.length)}" failures="${records.length}">`);
  if (records.length === 0) {
    out.push('  <testsuite name="LossLens" tests="1" failures="0">');
    out.push('    <testcase name="No problems found" classname="LossLens"/>');
    out.push('  </testsuite>');
  }
  for (const [path, list] of byFile) {
    const file = escapeXml(path);
    out.push(`  <testsuite name="${file}" tests="${list.length}" failures="${list.length}">`);
    for (const r of list) {
      const where = `${r.cell !== undefined ? `cell ${r.cell}:` : ''}${r.line}:${r.column}`;
      out.push(`    <testcase name="${escapeXml(`${r.code} ${r.name}`)}" classname="${file}" file="${file}" line="${r.line}">`);
      out.push(
        `      <failure message="${escapeXml(r.message)}" type="${escapeXml(r.severity)}">${escapeXml(`${path}:${where}: ${r.code} ${r.message}`)}</failure>`,
      );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
