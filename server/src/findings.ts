import type { Span } from './ir';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** The severity vocabulary of settings, project files and the CLI. */
export type SeveritySetting = Severity | 'off';
export type Applicability = 'safe' | 'unsafe';

/** A text replacement in one file, by UTF-16 offsets into that file's current text. */
export interface TextReplacement {
  uri: string;
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  applicability: Applicability;
  edits: TextReplacement[];
}

export interface RelatedPlace {
  uri: string;
  span: Span;
  message: string;
}

/** What a rule reports, before configuration (severity overrides, selection, suppressions) is applied. */
export interface Finding {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  uri: string;
  span: Span;
  related: RelatedPlace[];
  fix?: Fix;
}
