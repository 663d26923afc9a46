import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initWorkspace, wsDocuments } from './workspaceDoc';
import { documentLanguage, newDocumentLanguage, readWorkspaceLanguage, readWorkspaceLanguageSetting, setDocumentLanguage, setWorkspaceLanguage } from './language';
import { readHouseStyle } from './workspaceDoc';

function workspace() {
  const ws = new Y.Doc();
  initWorkspace(ws, { name: 'W' });
  const entry = new Y.Map<unknown>();
  entry.set('id', 'd1');
  entry.set('kind', 'meeting');
  wsDocuments(ws).set('d1', entry);
  return ws;
}

describe('document language', () => {
  it('is the document’s own, else the workspace’s, else English; stored as codes', () => {
    const ws = workspace();
    expect(documentLanguage(ws, 'd1')).toBe('en');
    setWorkspaceLanguage(ws, 'es');
    expect(documentLanguage(ws, 'd1')).toBe('es');
    setDocumentLanguage(ws, 'd1', 'fr');
    expect(documentLanguage(ws, 'd1')).toBe('fr');
    expect(wsDocuments(ws).get('d1')!.get('language')).toBe('fr');
    setDocumentLanguage(ws, 'd1', null);
    expect(documentLanguage(ws, 'd1')).toBe('es');
    setWorkspaceLanguage(ws, null);
    expect(readWorkspaceLanguageSetting(ws)).toBeNull();
    expect(readWorkspaceLanguage(ws)).toBe('en');
    expect(() => setDocumentLanguage(ws, 'd1', 'de' as never)).toThrow(/Unknown language/);
    expect(() => setDocumentLanguage(ws, 'nope', 'fr')).toThrow(/Unknown document/);
  });
  it('a new document takes the workspace language, else is stamped with its author’s', () => {
    const ws = workspace();
    expect(newDocumentLanguage(ws, 'fr')).toEqual({ language: 'fr', stamp: true });
    expect(newDocumentLanguage(ws, 'de')).toEqual({ language: 'en', stamp: true });
    setWorkspaceLanguage(ws, 'es');
    expect(newDocumentLanguage(ws, 'fr')).toEqual({ language: 'es', stamp: false });
  });
  it('does not disturb the house style kept in the same settings map', () => {
    const ws = workspace();
    const before = readHouseStyle(ws);
    setWorkspaceLanguage(ws, 'fr');
    expect(readHouseStyle(ws)).toEqual(before);
  });
});
