// Whole-repository scans spend most of their time on files that cannot contain a loss mistake.
// A file whose text never names an ML framework has no loss call to check (a loss from another
// file is still reached when a checked file imports it), so it is not parsed at all.
const FRAMEWORK = /torch|tensorflow|keras|\bjax\b|\bflax\b|\boptax\b/;

export function mayUseMlFramework(text: string): boolean {
  return FRAMEWORK.test(text);
}
