// Word tracked changes, out and in (issue 12): pending suggestions and "changes since version" written as w:ins /
// w:del, read back by python-docx and LibreOffice, and imported back as suggestions.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { bodyToJSON } from '../../renderer/src/model/bodyJson';
import { appendJSONToBody } from '../../renderer/src/model/bodyWrite';
import { initWorkspace } from '../../renderer/src/model/workspaceDoc';
import { createDocument } from '../../renderer/src/model/templates';
import { documentDocName } from '../../common/rooms';
import { recordVersion } from '../../renderer/src/model/consultation/snapshots';
import { suggestionsMap } from '../../renderer/src/model/suggestions/suggestionMeta';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import { exportInputFromDocs } from '../../renderer/src/export/fromDocs';
import { withChangesSince, editorsSince, findVersion, UnknownVersionError } from '../../renderer/src/export/changesSince';
import { readTrackedDocx } from '../../renderer/src/export/import/trackedParse';
import { applyTrackedChanges } from '../../renderer/src/export/import/trackedApply';
import { readThreads } from '../../renderer/src/model/comments/commentsDoc';
import { draft, inputOf, thread, unzipAll, PYTHON } from './helpers';
import { hasLibreOffice } from './libreoffice';

const READER = fileURLToPath(new URL('./read_tracked.py', import.meta.url));
const t = (text: string, marks?: PMNode['marks']): PMNode => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (bid: string, ...content: PMNode[]): PMNode => ({ type: 'paragraph', attrs: { bid }, content });
const ins = (id: string) => ({ type: 'insertion', attrs: { id } });
const del = (id: string) => ({ type: 'deletion', attrs: { id } });
const editor = { id: 'editor-1', name: 'Rita Rapporteur', role: 'editor' as const };

interface Tracked {
  changes: Array<{ kind: string; id: string; author: string; date: string; text: string }>;
  accepted: string[];
  rejected: string[];
}

function readTracked(bytes: Uint8Array): Tracked {
  const dir = mkdtempSync(join(tmpdir(), 'tracked-'));
  try {
    writeFileSync(join(dir, 'f.docx'), bytes);
    return JSON.parse(execFileSync(PYTHON, [READER, join(dir, 'f.docx')], { encoding: 'utf8' })) as Tracked;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The suggestions of a body, in reading order: kind, text and author (adjacent pieces of one suggestion joined). */
function suggestionsOf(body: PMNode, meta: (id: string) => string): string[] {
  const out: Array<{ key: string; text: string }> = [];
  const walk = (n: PMNode, block: string) => {
    if (n.type === 'paragraph' || n.type === 'heading') {
      let last: { key: string; text: string } | null = null;
      for (const c of n.content ?? []) {
        const m = c.marks?.find((x) => x.type === 'insertion' || x.type === 'deletion');
        if (!m || c.type !== 'text') {
          last = null;
          continue;
        }
        // A marked U+200B is the changes-since form of a paragraph break (model/versions/changesSince.ts); in Word it
        // is the paragraph mark's revision, not text: compare the texts without it.
        if ((c.text ?? '').replaceAll('\u200B', '') === '') continue;
        const key = `${m.type}|${meta(String(m.attrs?.id))}`;
        if (last && last.key === key) last.text += (c.text ?? '').replaceAll('\u200B', '');
        else out.push((last = { key, text: (c.text ?? '').replaceAll('\u200B', '') }));
      }
      return;
    }
    n.content?.forEach((c) => walk(c, block));
  };
  walk(body, '');
  return out.map((s) => `${s.key}|${s.text}`);
}

describe('pending suggestions as Word tracked changes', () => {
  it('writes w:ins and w:del (w:delText) with the author and date of each suggestion, and unique ids', async () => {
    const body: PMNode = {
      type: 'doc',
      content: [
        p('a', t('Access is '), t('very ', [del('s1')]), t('essential', [ins('s2'), { type: 'bold' }]), t(' for all.')),
        p('b', t('Whole new paragraph.', [ins('s3')])),
        p('c', t('Unknown author here.', [del('s4')])),
      ],
    };
    const doc = {
      ...draft(body),
      suggestions: [
        { id: 's1', authorId: 'u1', authorName: 'Jane Doe', at: Date.UTC(2025, 5, 1, 9, 30), source: 'editor' as const },
        { id: 's2', authorId: 'u2', authorName: 'Kofi Mensah', at: Date.UTC(2025, 5, 2, 14), source: 'docx' as const },
        { id: 's3', authorId: 'u1', authorName: 'Jane Doe', at: Date.UTC(2025, 5, 3), source: 'editor' as const },
      ],
    };
    const bytes = await exportDocx(inputOf([doc]), { wordComments: true });
    const xml = unzipAll(bytes)['word/document.xml'];
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Jane Doe" w:date="2025-06-01T09:30:00Z"><w:r>(<w:rPr\/>)?<w:delText xml:space="preserve">very <\/w:delText><\/w:r><\/w:del>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Kofi Mensah" w:date="2025-06-02T14:00:00Z"><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">essential<\/w:t><\/w:r><\/w:ins>/);
    // A suggestion without meta is "Unknown"; a paragraph that is one whole insertion has its paragraph mark inserted.
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Unknown" w:date="[^"]+"><w:r>(<w:rPr\/>)?<w:delText xml:space="preserve">Unknown author here.<\/w:delText>/);
    expect(xml).toMatch(/<w:pPr><w:rPr><w:ins w:id="\d+" w:author="Jane Doe" w:date="2025-06-03T00:00:00Z"\/><\/w:rPr><\/w:pPr>/);
    // Block ids as hidden bookmarks, for the import to match paragraphs.
    expect(xml).toContain('w:name="_rpa"');
    const ids = [...xml.matchAll(/<w:(?:ins|del|bookmarkStart) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);

    const read = readTracked(bytes);
    expect(read.changes.filter((c) => !c.kind.startsWith('paragraph')).map((c) => [c.kind, c.author, c.text])).toEqual([
      ['del', 'Jane Doe', 'very '],
      ['ins', 'Kofi Mensah', 'essential'],
      ['ins', 'Jane Doe', 'Whole new paragraph.'],
      ['del', 'Unknown', 'Unknown author here.'],
    ]);
    expect(read.accepted).toContain('Access is essential for all.');
    expect(read.rejected).toContain('Access is very  for all.');
  });
});

function draftWithVersion() {
  const ws = new Y.Doc();
  initWorkspace(ws, { name: 'BPF' });
  const { doc } = createDocument(ws, (docId) => new Y.Doc({ guid: documentDocName('w1', docId), gc: false }), { kind: 'draft', subtype: 'output-report', title: 'Revised paper', date: '2025-06-12' }, { t: (x) => x, createdBy: 'me' });
  doc.getXmlFragment('body').delete(0, doc.getXmlFragment('body').length);
  appendJSONToBody(doc, {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1, bid: 'h1' }, content: [t('Access')] },
      p('p1', t('Meaningful access needs affordable devices.')),
      p('p2', t('This paragraph will be removed.')),
      p('p3', t('Local content matters.')),
    ],
  });
  recordVersion(doc, { name: 'Consultation draft', phase: 'consultation', by: { id: 'me', name: 'Rita Rapporteur' } });
  // Edits after the version: words changed, a paragraph removed, one added.
  const body = doc.getXmlFragment('body');
  const p1 = (body.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  p1.delete(p1.toString().indexOf('affordable'), 'affordable'.length);
  p1.insert(p1.toString().indexOf(' devices'), 'low-cost');
  body.delete(2, 1);
  appendJSONToBody(doc, { type: 'doc', content: [p('p4', t('A new closing paragraph.'))] });
  // Who took versions since is who made the changes, as far as the export knows.
  recordVersion(doc, { name: 'Revised draft', phase: 'revision', by: { id: 'sam', name: 'Sam Secretariat' } });
  return { ws, doc };
}

describe('changes since a version, round trip', () => {
  it('export -> python-docx -> LibreOffice -> import back into the same draft', async () => {
    const { ws, doc } = draftWithVersion();
    const input = exportInputFromDocs(ws, doc, []);
    const marked = withChangesSince(input.documents[0], doc, 'Consultation draft', { now: Date.UTC(2026, 0, 5, 12) });
    const exported = suggestionsOf(marked.body, (id) => marked.suggestions!.find((s) => s.id === id)?.authorName ?? '?');
    expect(exported).toEqual([
      'deletion|Sam Secretariat|affordable',
      'insertion|Sam Secretariat|low-cost',
      'deletion|Sam Secretariat|This paragraph will be removed.',
      'insertion|Sam Secretariat|A new closing paragraph.',
    ]);
    const bytes = await exportDocx({ ...input, documents: [marked] });

    // (2) python-docx
    const read = readTracked(bytes);
    const runs = read.changes.filter((c) => c.kind === 'ins' || c.kind === 'del');
    expect(runs.map((c) => [c.kind, c.author, c.text, c.date])).toEqual([
      ['del', 'Sam Secretariat', 'affordable', '2026-01-05T12:00:00Z'],
      ['ins', 'Sam Secretariat', 'low-cost', '2026-01-05T12:00:00Z'],
      ['del', 'Sam Secretariat', 'This paragraph will be removed.', '2026-01-05T12:00:00Z'],
      ['ins', 'Sam Secretariat', 'A new closing paragraph.', '2026-01-05T12:00:00Z'],
    ]);
    expect(read.accepted).toContain('Meaningful access needs low-cost devices.');
    expect(read.rejected).toContain('Meaningful access needs affordable devices.');

    // (3) LibreOffice reads the changes as its own tracked changes (flat ODT: text:tracked-changes).
    if (!hasLibreOffice()) throw new Error('LibreOffice is required for this test');
    const dir = mkdtempSync(join(tmpdir(), 'tracked-lo-'));
    try {
      writeFileSync(join(dir, 'paper.docx'), bytes);
      const res = spawnSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'fodt', '--outdir', dir, join(dir, 'paper.docx')], { encoding: 'utf8', timeout: 240_000 });
      expect(res.status).toBe(0);
      const fodt = readFileSync(join(dir, 'paper.fodt'), 'utf8');
      expect(fodt).toContain('<text:tracked-changes');
      const regions = [...fodt.matchAll(/<text:changed-region[\s\S]*?<\/text:changed-region>/g)].map((m) => m[0]);
      expect(regions.filter((r) => r.includes('<text:insertion>')).length).toBeGreaterThanOrEqual(2);
      expect(regions.filter((r) => r.includes('<text:deletion>')).length).toBeGreaterThanOrEqual(2);
      for (const r of regions) expect(r).toContain('<dc:creator>Sam Secretariat</dc:creator>');
      expect(fodt).toContain('affordable');
      expect(fodt).toContain('This paragraph will be removed.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // (4) importing the file into the same draft gives the same suggestions.
    const comments = new Y.Doc();
    const summary = applyTrackedChanges(doc, comments, readTrackedDocx(bytes), editor);
    expect(summary).toEqual({ changes: 4, authors: ['Sam Secretariat'], unplaced: 0 });
    const metas = suggestionsMap(doc);
    const imported = suggestionsOf(bodyToJSON(doc), (id) => metas.get(id)?.authorName ?? '?');
    expect(imported).toEqual(exported);
    for (const m of metas.values()) expect(m).toMatchObject({ source: 'docx', authorId: 'editor-1', at: Date.UTC(2026, 0, 5, 12) });
    expect(readThreads(comments)).toHaveLength(0);
  }, 300_000);

  it('keeps Word comment ranges on their text when deleted text is put back before them', async () => {
    const { ws, doc } = draftWithVersion();
    const input = exportInputFromDocs(ws, doc, []);
    const current = 'Meaningful access needs low-cost devices.';
    const at = current.indexOf('devices');
    const threads = [thread({ id: 't1', number: 1, from: { bid: 'p1', offset: at }, to: { bid: 'p1', offset: at + 'devices'.length }, quote: 'devices' })];
    const marked = withChangesSince({ ...input.documents[0], threads }, doc, 'Consultation draft');
    const xml = unzipAll(await exportDocx({ ...input, documents: [marked] }, { wordComments: true }))['word/document.xml'];
    const range = /<w:commentRangeStart w:id="0"\/>([\s\S]*?)<w:commentRangeEnd w:id="0"\/>/.exec(xml)?.[1] ?? '';
    expect([...range.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe('devices');
  });

  it('names who took the later version as the author even when both versions carry the same millisecond', () => {
    const ws = new Y.Doc();
    initWorkspace(ws, { name: 'BPF' });
    const { doc } = createDocument(ws, (docId) => new Y.Doc({ guid: documentDocName('w1', docId), gc: false }), { kind: 'draft', subtype: 'output-report', title: 'Same ms', date: '2025-06-12' }, { t: (x) => x, createdBy: 'me' });
    const at = Date.UTC(2025, 5, 12, 9);
    recordVersion(doc, { name: 'Consultation draft', phase: 'consultation', by: { id: 'me', name: 'Rita Rapporteur' }, now: at });
    appendJSONToBody(doc, { type: 'doc', content: [p('p9', t('Added later.'))] });
    recordVersion(doc, { name: 'Revised draft', phase: 'revision', by: { id: 'sam', name: 'Sam Secretariat' }, now: at });
    const out = withChangesSince(exportInputFromDocs(ws, doc, []).documents[0], doc, 'Consultation draft');
    expect((out.suggestions ?? []).map((s) => s.authorName)).toEqual(['Sam Secretariat']);
    // …and not the other way round: the version taken first is not "since" the later one.
    recordVersion(doc, { name: 'Final', phase: 'final', by: { id: 'fin', name: 'Fin Editor' }, now: at - 1 });
    expect(editorsSince(doc, findVersion(doc, 'Revised draft'))).toEqual([]);
    expect(editorsSince(doc, findVersion(doc, 'Consultation draft'))).toEqual(['Sam Secretariat']);
  });

  it('names the available versions when the one asked for does not exist', () => {
    const { ws, doc } = draftWithVersion();
    const input = exportInputFromDocs(ws, doc, []);
    expect(() => withChangesSince(input.documents[0], doc, 'Final')).toThrow(UnknownVersionError);
    expect(() => withChangesSince(input.documents[0], doc, 'Final')).toThrow('no version named "Final"; available: "Consultation draft", "Revised draft"');
  });
});

describe('import of a stakeholder file with tracked changes', () => {
  it('places changes by block id, then by text, and makes a comment of what it cannot place', async () => {
    const { ws, doc } = draftWithVersion();
    const input = exportInputFromDocs(ws, doc, []);
    const bytes = await exportDocx(input);
    // A stakeholder edits the file: hand-written tracked changes in our export's document.xml.
    const parts = unzipAll(bytes);
    let xml = parts['word/document.xml'];
    const ch = (kind: 'ins' | 'del', author: string, text: string) =>
      `<w:${kind} w:id="77${text.length}" w:author="${author}" w:date="2026-02-01T10:00:00Z"><w:r><w:${kind === 'ins' ? 't' : 'delText'} xml:space="preserve">${text}</w:${kind === 'ins' ? 't' : 'delText'}></w:r></w:${kind}>`;
    xml = xml.replace('>Local content matters.<', `>Local content </w:t></w:r>${ch('del', 'Ana Lima', 'matters')}${ch('ins', 'Ana Lima', 'is vital')}<w:r><w:t xml:space="preserve">.<`);
    // The same text without our bookmark: matched by text.
    xml = xml.replace(/<w:bookmarkStart w:id="\d+" w:name="_rpp1"\/>/, '');
    xml = xml.replace('>Meaningful access needs low-cost devices.<', `>Meaningful access needs low-cost devices</w:t></w:r>${ch('ins', 'Ben Okafor', ' and skills')}<w:r><w:t xml:space="preserve">.<`);
    // A paragraph that exists nowhere in the draft: a comment.
    xml = xml.replace('</w:body>', `<w:p><w:r><w:t>Text the draft never had.</w:t></w:r>${ch('ins', 'Ben Okafor', ' More.')}</w:p></w:body>`);
    const { zipSync, strToU8 } = await import('fflate');
    const edited = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(k === 'word/document.xml' ? xml : v)])));

    const comments = new Y.Doc();
    const summary = applyTrackedChanges(doc, comments, readTrackedDocx(edited), editor);
    expect(summary).toEqual({ changes: 3, authors: ['Ben Okafor', 'Ana Lima'], unplaced: 1 });
    const metas = suggestionsMap(doc);
    expect(suggestionsOf(bodyToJSON(doc), (id) => metas.get(id)?.authorName ?? '?')).toEqual([
      'insertion|Ben Okafor| and skills',
      'deletion|Ana Lima|matters',
      'insertion|Ana Lima|is vital',
    ]);
    const [c] = readThreads(comments);
    expect(c).toMatchObject({ proposedWording: 'Text the draft never had. More.' });
    expect(c.body).toContain('Ben Okafor');
  });

  it('refuses a hostile file as the plain import does (vetPackage first)', async () => {
    expect(() => readTrackedDocx(new TextEncoder().encode('not a zip'))).toThrow(expect.objectContaining({ code: 'not-zip' }));
    // An entity declaration in the main part: refused before any XML parser sees it.
    const parts = unzipAll(await exportDocx(inputOf([draft({ type: 'doc', content: [p('a', t('Text.'))] })])));
    const { zipSync, strToU8 } = await import('fflate');
    const evil = parts['word/document.xml'].replace('<w:document', '<!DOCTYPE w:document [<!ENTITY x "boom">]><w:document');
    const bytes = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(k === 'word/document.xml' ? evil : v)])));
    expect(() => readTrackedDocx(bytes)).toThrow(expect.objectContaining({ code: 'entities' }));
  });
});

describe('import of a file LibreOffice edited with change tracking on', () => {
  it('brings LibreOffice tracked changes in as suggestions by their author', async () => {
    const { ws, doc } = draftWithVersion();
    const bytes = await exportDocx(exportInputFromDocs(ws, doc, []));
    const dir = mkdtempSync(join(tmpdir(), 'tracked-lo-edit-'));
    try {
      writeFileSync(join(dir, 'draft.docx'), bytes);
      // A stakeholder edits the draft in LibreOffice with Track Changes on (tests/fixtures/libreofficeTrackedEdit.py).
      const script = fileURLToPath(new URL('../fixtures/libreofficeTrackedEdit.py', import.meta.url));
      const edits = [
        { find: 'low-cost', replace: 'affordable, durable' },
        { find: 'Local content', replace: 'Local-language content' },
      ];
      execFileSync(PYTHON, [script, join(dir, 'draft.docx'), join(dir, 'edited.docx'), 'Ana Lima', JSON.stringify(edits)], { timeout: 180_000 });
      const edited = new Uint8Array(readFileSync(join(dir, 'edited.docx')));
      expect(unzipAll(edited)['word/document.xml']).toMatch(/<w:ins [^>]*w:author="Ana Lima"/);

      const comments = new Y.Doc();
      const summary = applyTrackedChanges(doc, comments, readTrackedDocx(edited), editor);
      expect(summary).toMatchObject({ authors: ['Ana Lima'], unplaced: 0 });
      const metas = suggestionsMap(doc);
      const got = suggestionsOf(bodyToJSON(doc), (id) => metas.get(id)?.authorName ?? '?');
      expect(got).toEqual([
        'deletion|Ana Lima|low-cost',
        'insertion|Ana Lima|affordable, durable',
        'deletion|Ana Lima|Local content',
        'insertion|Ana Lima|Local-language content',
      ]);
      expect(summary.changes).toBe(4);
      for (const m of metas.values()) expect(m).toMatchObject({ source: 'docx', authorName: 'Ana Lima', authorId: 'editor-1' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
