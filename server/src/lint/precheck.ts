// Whole-repository scans spend most of their time on files that cannot contain a loss mistake.
// A file whose text never names an ML framework has no loss call to check (a loss from another
// file is still reached when a checked file imports it), so it is not parsed at all.
import { FRAMEWORK_MARKERS } from '../frameworks/registry';

export function mayUseMlFramework(text: string): boolean {
  return FRAMEWORK_MARKERS.test(text);
}
