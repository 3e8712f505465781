// GitHub Actions workflow commands: one `::error|warning|notice …::message` line per finding, which
// the runner turns into annotations on the pull request's diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { OutputRecord } from '../output-record';
import { displayPath } from '../paths';

/** The command's message: `%`, CR and LF are escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate the command's parts. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<OutputRecord['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(records: readonly OutputRecord[], cwd: string): string {
  return records
    .map(r => {
      // Notebooks: the annotation goes where the finding is in the .ipynb file.
      const at = r.fileRegion ?? r;
      const props = [
        `file=${escapeProperty(displayPath(r.file, cwd))}`,
        `line=${at.line}`,
        `col=${at.column}`,
        `endLine=${at.endLine}`,
        `endColumn=${at.endColumn}`,
        `title=${escapeProperty(r.code)}`,
      ];
      const cell = r.cell !== undefined ? `cell ${r.cell}:${r.line}:${r.column}: ` : '';
      return `::${COMMAND[r.severity]} ${props.join(',')}::${escapeData(`${cell}${r.message}`)}\n`;
    })
    .join('');
}
