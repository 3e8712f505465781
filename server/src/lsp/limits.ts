// Files LossLens declines to analyse, with the reason shown in the log.

export function skipReason(text: string, maxFileSize: number): string | undefined {
  if (text.length > maxFileSize) {
    return `it is ${megabytes(text.length)}, above the ${megabytes(maxFileSize)} limit (setting losslens.maxFileSize)`;
  }
  // A NUL in the first 8 KB means a binary file was opened or imported by mistake.
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.includes('\u0000')) return 'it looks like a binary file';
  return undefined;
}

function megabytes(n: number): string {
  return `${(n / 1_000_000).toFixed(1)} MB`;
}
