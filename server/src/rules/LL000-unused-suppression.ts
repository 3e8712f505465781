// LL000 has no check: the configuration layer reports it (server/src/config/apply.ts), where suppression
// comments are matched with findings. The registry lists its metadata with every other rule's.
import type { RuleMeta } from './rule';

export const unusedSuppression: RuleMeta = {
  id: 'LL000',
  name: 'unused-suppression',
  severity: 'hint',
  frameworks: ['torch', 'tf', 'keras', 'tfjs'],
  summary: 'A `losslens: ignore` comment that suppresses nothing',
  docs: {
    what: 'Reports a `# losslens: ignore[…]` / `// losslens: ignore[…]` comment (or a code inside one) that matched no finding on its line, an LL code in a `# noqa: …` comment that suppressed nothing (codes of other tools are left alone), and an `ignore-file` comment in a file with nothing to ignore.',
    why: 'Suppressions outlive the code they were written for. A stale one hides the next real problem on that line, and it tells readers a mistake is there when it is not. Editors show the hint faded, like an unused import.',
    example: {
      language: 'python',
      code: [
        'import torch.nn.functional as F',
        '',
        'def step(logits, y):',
        '    return F.cross_entropy(logits, y)  # losslens: ignore[LL001]',
      ].join('\n'),
    },
    useInstead: {
      language: 'python',
      code: ['import torch.nn.functional as F', '', 'def step(logits, y):', '    return F.cross_entropy(logits, y)'].join('\n'),
    },
  },
};
