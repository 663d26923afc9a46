// The plain-data input of the DOCX exporter. Built from Y.Docs by the app (or the export CLI) and passed to the
// pure writer, so the writer never touches Yjs or the DOM. Produced for comments by model/comments (threadsForExport).
import type { PMNode } from '../model/bodyJson';
import type { HouseStyle } from '../model/houseStyle';
import type { DocumentMeta } from '../model/workspaceDoc';
import type { Stakeholder } from '../model/stakeholders';
import type { ActionPoint, Participant } from '../model/documentDoc';
import type { BlockPoint } from '../model/comments/bodyIndex';
import type { ExportReplyInfo } from './replyExport';
import type { SuggestionMeta } from '../model/suggestions/suggestionMeta';


export interface ExportReply {
  id: string;
  author: string;
  body: string;
  createdAt: number;
}

export interface ExportThread {
  id: string;
  /** display number (#N), stable order of creation */
  number: number;
  /** null when the anchored text was deleted ("on deleted text") */
  from: BlockPoint | null;
  to: BlockPoint | null;
  quote: string;
  /** who wrote it, or the stakeholder it was entered for */
  author: string;
  attribution?: { name: string; organisation: string; group: string; region: string; gender?: string };
  type: 'general' | 'substantive' | 'editorial';
  body: string;
  proposedWording: string;
  createdAt: number;
  resolved: boolean;
  replies: ExportReply[];
  disposition: string;
  /** plain text of the rapporteur's response */
  response: string;
  /** "para 23", and the section heading number such as "3.2" */
  para: number | null;
  section: string;
  /** the change that implemented the comment (common/commentsSchema ThreadKey.appliedChange), for the
   * "How comments were incorporated" annex */
  appliedChange?: { suggestionId: string | null; blockId: string | null; at: number; byName: string };
}

export interface ExportDocument {
  meta: DocumentMeta;
  body: PMNode;
  /** plain JSON of the document's `fields` map (Y types converted with toJSON) */
  fields: Record<string, unknown>;
  threads: ExportThread[];
  /** a consolidated reply: its cited sources and generated contributors (replyExport.ts) */
  reply?: ExportReplyInfo;
  /** who made each pending suggestion of the body (insertion/deletion marks), keyed by suggestion id */
  suggestions?: SuggestionMeta[];
}

export interface ExportInput {
  workspace: { name: string; houseStyle: HouseStyle };
  /** the registry, including deleted entries, so references resolve */
  stakeholders: Stakeholder[];
  documents: ExportDocument[];
}

export type { ActionPoint, Participant };
