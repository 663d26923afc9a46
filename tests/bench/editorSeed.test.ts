import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildEditorSeed, DOC_ID, DOC_TITLE } from './editorSeed';
import { bodyToJSON, countWords, plainText } from '../../renderer/src/model/bodyJson';
import { listDocumentMetas, readWorkspaceInfo } from '../../renderer/src/model/workspaceDoc';
import { docFields } from '../../renderer/src/model/documentDoc';
import { rapporteurSchema } from '../../renderer/src/schema/schema';

// The editor bench's seed is what the app would have stored: a workspace listing a draft report whose body is
// valid against the schema and holds the generated 25,000-word report.
describe('editor bench seed', () => {
  it('is a workspace with one draft report of 50 sections, tables and lists', () => {
    const s = buildEditorSeed(25_000);
    const ws = new Y.Doc();
    Y.applyUpdate(ws, s.wsUpdate);
    expect(readWorkspaceInfo(ws).name).toBeTruthy();
    expect(listDocumentMetas(ws).map((m) => [m.id, m.title, m.kind])).toContainEqual([DOC_ID, DOC_TITLE, 'draft']);

    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, s.docUpdate);
    expect(docFields(doc).get('seeded')).toBe(true);
    const body = bodyToJSON(doc);
    expect(() => rapporteurSchema().nodeFromJSON(body).check()).not.toThrow();
    const types = new Set<string>();
    const walk = (n: { type: string; content?: unknown[] }) => {
      types.add(n.type);
      (n.content as Array<{ type: string }> | undefined)?.forEach(walk);
    };
    walk(body);
    expect([...types]).toEqual(expect.arrayContaining(['table', 'bulletList', 'orderedList', 'heading', 'footnote']));
    expect(s.sections).toBe(50);
    expect(countWords(plainText(body))).toBeGreaterThanOrEqual(25_000);
    expect(plainText(body)).toContain(s.lastBlockText);
    expect(plainText(body)).toContain(s.middleHeading);

    const tableEnd = new Y.Doc({ gc: false });
    Y.applyUpdate(tableEnd, s.tableEnd.update);
    expect(bodyToJSON(tableEnd).content?.at(-1)?.type).toBe('table');
  });
});
