import type { Severity, Applicability } from '../findings';

import type { Framework } from '../frameworks/types';

export type { Framework };

export interface CodeExample {
  language: 'python' | 'typescript';
  code: string;
}

/** Everything about a rule except its check: the registry, docs pages, README table and CLI `rules` read this. */
export interface RuleMeta {
  /** LLnnn: permanent */
  id: string;
  /** kebab-case, names the bad pattern */
  name: string;
  severity: Severity;
  frameworks: Framework[];
  /** One line for tables and the `rules` command. */
  summary: string;
  fix?: { title: string; applicability: Applicability };
  docs: {
    what: string;
    why: string;
    example: CodeExample;
    useInstead: CodeExample;
    fixSafety?: string;
  };
}
