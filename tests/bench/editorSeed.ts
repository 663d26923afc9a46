import * as Y from 'yjs';
import { initWorkspace } from '../../renderer/src/model/workspaceDoc';
import { createDocument } from '../../renderer/src/model/templates';
import { countWords, plainText, type PMNode } from '../../renderer/src/model/bodyJson';
import { appendJSONToBody } from '../../renderer/src/model/bodyWrite';
import { documentDocName, workspaceDocName } from '../../common/rooms';
import { t } from '../../renderer/src/i18n';
import { generateReport } from './corpus';

// The editor bench's data, built in Node with the app's own model functions: a workspace Y.Doc and a draft
// output report created from its template (as the New document dialog does), into which the generated
// 25,000-word report is written; plus a short draft whose body ends with a table. The bench stores each doc's state as one row, as y-indexeddb leaves a doc
// after compaction.

export const WORKSPACE_ID = 'benchws';
export const DOC_ID = 'benchreport';
export const WORKSPACE_NAME = 'Bench workspace';
export const DOC_TITLE = 'IGF 2025 output report (bench)';
/** A second, short document whose body ends with a table (as a report with an annex table does). */
export const TABLE_END_DOC_ID = 'benchtableend';

export interface EditorSeed {
  wsName: string;
  docName: string;
  wsUpdate: Uint8Array;
  docUpdate: Uint8Array;
  words: number;
  sections: number;
  /** text of the body's last block, which must be on screen for the doc to count as open */
  lastBlockText: string;
  lastBlockType: string;
  /** text of the middle section's heading, where the keystroke bench types */
  middleHeading: string;
  tableEnd: { docName: string; update: Uint8Array };
}

function textOf(node: PMNode): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}

export function buildEditorSeed(words = 25000): EditorSeed {
  const report = generateReport(words);
  const ws = new Y.Doc();
  initWorkspace(ws, { name: WORKSPACE_NAME, description: 'Seeded by tests/bench/editor.ts' }, Date.UTC(2025, 5, 1));
  const doc = new Y.Doc({ gc: false });
  createDocument(ws, () => doc, { kind: 'draft', title: DOC_TITLE, subtype: 'output-report', date: '2025-06-12' }, { t, createdBy: 'bench', id: DOC_ID, now: Date.UTC(2025, 5, 1) });
  appendJSONToBody(doc, report);
  // The short document ending with a table: the part of the report up to its first table.
  const tableEnd = new Y.Doc({ gc: false });
  createDocument(ws, () => tableEnd, { kind: 'draft', title: 'Annex table (bench)', subtype: 'output-report', date: '2025-06-12' }, { t, createdBy: 'bench', id: TABLE_END_DOC_ID, now: Date.UTC(2025, 5, 1) - 1 });
  const firstTable = (report.content ?? []).findIndex((b) => b.type === 'table');
  appendJSONToBody(tableEnd, { type: 'doc', content: (report.content ?? []).slice(0, firstTable + 1) });
  const blocks = report.content ?? [];
  const sections = blocks.filter((b) => b.type === 'heading' && b.attrs?.level === 1);
  // The last block with text (a trailing empty paragraph would not identify the end of the report).
  const last = [...blocks].reverse().find((b) => textOf(b).trim().length > 0)!;
  return {
    wsName: workspaceDocName(WORKSPACE_ID),
    docName: documentDocName(WORKSPACE_ID, DOC_ID),
    wsUpdate: Y.encodeStateAsUpdate(ws),
    docUpdate: Y.encodeStateAsUpdate(doc),
    words: countWords(plainText(report)),
    sections: sections.length,
    lastBlockText: textOf(last).slice(-60),
    lastBlockType: blocks[blocks.length - 1].type,
    middleHeading: textOf(sections[Math.floor(sections.length / 2) - 1]),
    tableEnd: { docName: documentDocName(WORKSPACE_ID, TABLE_END_DOC_ID), update: Y.encodeStateAsUpdate(tableEnd) },
  };
}
