import type { ParagraphChild } from 'docx';
import type { HouseStyle } from '../../model/houseStyle';
import type { PMNode } from '../../model/bodyJson';
import type { ResolvedOptions } from '../options';
import type { Redactor } from '../chathamHouse';
import type { ExportLabels } from '../exportLabels';
import { ListNumbering } from './numbering';
import { Footnotes } from './footnotes';
import { WordComments } from './wordComments';
import type { ExportReplyInfo } from '../replyExport';
import type { SuggestionMeta } from '../../model/suggestions/suggestionMeta';
import { HeadingLabeller } from '../../model/paragraphNumbers';

// State shared while one DOCX is built: allocators whose ids must be unique in the whole file (list instances,
// footnotes, comments, TOC bookmarks) and what the table of contents collects.

export interface TocEntry {
  level: number;
  text: string;
  bookmark: string;
  /** estimated page in the body's numbering, shown until Word or LibreOffice recomputes it */
  page: number;
}

export interface RenderContext {
  style: HouseStyle;
  opts: ResolvedOptions;
  labels: ExportLabels;
  numbering: ListNumbering;
  footnotes: Footnotes;
  comments: WordComments;
  redactor: Redactor;
  toc: TocEntry[];
  /** a fresh _Toc bookmark name */
  nextBookmark: () => string;
  /** a fresh numeric id for a w:ins / w:del / block bookmark, unique in the file (word/tracked.ts) */
  nextRevisionId: () => number;
  /** when the export runs (date of tracked changes whose suggestion has no recorded time) */
  now: number;
  /** the number of the next heading at this (exported) level, "I. ", or '' when headings are not numbered */
  headingLabel: (level: number) => string;
}

export function createContext(style: HouseStyle, opts: ResolvedOptions, redactor: Redactor): RenderContext {
  let bookmark = 0;
  // Far above the ids docx gives comments (0, 1, ...) and bookmarks (a counter from 1).
  let revision = 900_000_000;
  const headings = new HeadingLabeller();
  return {
    style,
    opts,
    labels: opts.labels,
    numbering: new ListNumbering(),
    footnotes: new Footnotes(),
    comments: new WordComments(),
    redactor,
    toc: [],
    nextBookmark: () => `_Toc${String(++bookmark).padStart(8, '0')}`,
    nextRevisionId: () => ++revision,
    now: Date.now(),
    headingLabel: (level) => (opts.headingNumbers ? `${headings.next(level)} ` : ''),
  };
}

/** What to put inside a block at an inline offset (comment range starts and ends). */
export interface Marker {
  offset: number;
  children: ParagraphChild[];
}

/** Per-document state: which markers go into which block, paragraph numbers, heading shift. */
export interface DocState {
  markers: Map<string, Marker[]>;
  paraNumbers: Map<PMNode, number> | null;
  /** added to every heading level (capped at 3): 1 inside a compilation chapter or a meeting's discussion */
  headingShift: number;
  /** estimated body page of each heading node (for the TOC's cached page numbers) */
  headingPages: Map<PMNode, number>;
  /** a consolidated reply's cited sources (citations become footnotes naming them) */
  reply?: ExportReplyInfo;
  /** who made each pending suggestion, by suggestion id (word/tracked.ts) */
  suggestions: Map<string, SuggestionMeta>;
}

/** Layout of the block being rendered. */
export interface BlockEnv {
  /** width available to the block, in twips */
  width: number;
  /** left indent of the block from the margin, in twips */
  indent: number;
  listDepth: number;
  /** tables around the block (0 outside any table) */
  tableDepth?: number;
  inQuote: boolean;
  inTable: boolean;
  /** header cell: text bold */
  bold: boolean;
  /** paragraph style for table text */
  tableStyle?: string;
  /** horizontal alignment from a table cell */
  align?: string;
}
