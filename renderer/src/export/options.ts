import { DEFAULT_LABELS, type ExportLabels } from './exportLabels';

/** What the user chose in the export dialog (or on the CLI). All optional; the defaults give a clean report. */
export interface ExportOptions {
  /** pre-rendered table of contents after the title page */
  toc?: boolean;
  /** "para N" numbers before each counted paragraph (see model/paragraphNumbers.ts) */
  paraNumbers?: boolean;
  /** UN-style heading numbers: "I. Introduction", "A. …", "1. …" */
  headingNumbers?: boolean;
  /** a title page (default: yes, except for a single meeting summary, which opens with its title instead) */
  titlePage?: boolean;
  /** the comment matrix as an annex table */
  annex?: boolean;
  /** the "How comments were incorporated" annex: each comment's disposition, response and the change that
   * implemented it (word/incorporationAnnex.ts) */
  incorporationAnnex?: boolean;
  /** comments as native Word comments on their ranges */
  wordComments?: boolean;
  /** names replaced by stakeholder group everywhere */
  chathamHouse?: boolean;
  /** title page status line; default from the document (e.g. "Draft for consultation") */
  status?: string;
  /** title page date (free text); default the document's date */
  date?: string;
  /** title of a compilation (default: the workspace name) and running header text */
  title?: string;
  shortTitle?: string;
  labels?: Partial<ExportLabels>;
  /** compile only: called after each chapter and once when the file is packed */
  onProgress?: (done: number, total: number) => void;
}

export type ResolvedOptions = Required<Pick<ExportOptions, 'toc' | 'paraNumbers' | 'headingNumbers' | 'annex' | 'incorporationAnnex' | 'wordComments' | 'chathamHouse'>> &
  ExportOptions & { labels: ExportLabels };

export function resolveOptions(o: ExportOptions = {}): ResolvedOptions {
  return {
    ...o,
    toc: !!o.toc,
    paraNumbers: !!o.paraNumbers,
    headingNumbers: !!o.headingNumbers,
    annex: !!o.annex,
    incorporationAnnex: !!o.incorporationAnnex,
    wordComments: !!o.wordComments,
    chathamHouse: !!o.chathamHouse,
    labels: { ...DEFAULT_LABELS, ...o.labels },
  };
}
