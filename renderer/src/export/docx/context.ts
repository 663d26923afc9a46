import type { HouseStyle } from '../../model/houseStyle';
import type { PMNode } from '../../model/bodyJson';
import type { ResolvedOptions } from '../options';
import type { Redactor } from '../chathamHouse';
import type { ExportLabels } from '../labels';
import { DocumentRels } from './package';
import { NumberingBuilder } from './numbering';
import { FootnoteBuilder } from './footnotes';
import { WordComments } from './wordComments';

// State shared while one DOCX is written: allocators whose ids must be unique in the whole file (relationships,
// numbering instances, footnotes, comments, bookmarks) and what the table of contents collects.

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
  rels: DocumentRels;
  numbering: NumberingBuilder;
  footnotes: FootnoteBuilder;
  comments: WordComments;
  redactor: Redactor;
  toc: TocEntry[];
  nextBookmarkId: () => number;
}

export function createContext(style: HouseStyle, opts: ResolvedOptions, redactor: Redactor): RenderContext {
  let bookmark = 0;
  return {
    style,
    opts,
    labels: opts.labels,
    rels: new DocumentRels(),
    numbering: new NumberingBuilder(),
    footnotes: new FootnoteBuilder(),
    comments: new WordComments(),
    redactor,
    toc: [],
    nextBookmarkId: () => ++bookmark,
  };
}

/** A range marker to write inside a block at an inline offset (comment range starts and ends). */
export interface Marker {
  offset: number;
  xml: string;
}

/** Per-document state: which markers go into which block, paragraph numbers, heading shift. */
export interface DocState {
  markers: Map<string, Marker[]>;
  paraNumbers: Map<PMNode, number> | null;
  /** added to every heading level (capped at 3): 1 inside a compilation chapter or a meeting's discussion */
  headingShift: number;
  /** estimated body page of each heading node (for the TOC's cached page numbers) */
  headingPages: Map<PMNode, number>;
}

/** Layout of the block being rendered. */
export interface BlockEnv {
  /** width available to the block, in twips */
  width: number;
  /** left indent of the block from the margin, in twips */
  indent: number;
  listDepth: number;
  inQuote: boolean;
  inTable: boolean;
  /** header cell: text bold */
  bold: boolean;
  /** paragraph style for table text */
  tableStyle?: string;
  /** horizontal alignment from a table cell */
  align?: string;
}
