import type { Severity, SeveritySetting } from '../findings';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export function isSeveritySetting(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(v);
}

/** Higher is more severe; used by the CLI's `--fail-on`. */
export function severityRank(s: Severity): number {
  switch (s) {
    case 'error':
      return 3;
    case 'warning':
      return 2;
    case 'info':
      return 1;
    case 'hint':
      return 0;
  }
}

/** LSP DiagnosticSeverity numbers. */
export function lspSeverity(s: Severity): 1 | 2 | 3 | 4 {
  switch (s) {
    case 'error':
      return 1;
    case 'warning':
      return 2;
    case 'info':
      return 3;
    case 'hint':
      return 4;
  }
}

/** SARIF result levels (GitHub code scanning understands error/warning/note). */
export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}
