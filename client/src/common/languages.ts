// The editor languages LossLens analyses: the client's document selector and where its editor commands apply.
export const LANGUAGE_IDS = ['python', 'typescript', 'javascript', 'typescriptreact', 'javascriptreact'] as const;
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGE_IDS);
