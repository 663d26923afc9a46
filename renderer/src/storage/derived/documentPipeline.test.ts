import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../model/templates';
import { bodyToJSON, countWords, plainText } from '../../model/bodyJson';
import { appendJSONToBody } from '../../model/bodyWrite';
import { estimatePages } from '../../model/pageEstimate';
import { readHouseStyle, updateDocumentMeta, updateHouseStyle } from '../../model/workspaceDoc';
import { setField } from '../../model/documentDoc';
import type { CatalogRowWithText } from '../../model/catalog';
import * as derive from '../../model/derive';
import { DocumentPipeline } from './documentPipeline';
import { catalogSink } from './catalogSink';
import { DerivedDocs } from './derivedDocs';

const t = (id: string) => id;
const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function fixture() {
  const ws = new Y.Doc();
  const doc = new Y.Doc();
  const { id } = createDocument(ws, () => doc, { kind: 'draft', title: 'Output report', subtype: 'output-report', date: '2026-01-05' }, { t, createdBy: 'me' });
  const written: CatalogRowWithText[] = [];
  const stored = new Map<string, CatalogRowWithText>();
  const sink = catalogSink(
    async (row) => {
      written.push(row);
      stored.set(row.key, row);
    },
    async (key) => stored.get(key),
    1000,
  );
  return { ws, doc, id, written, stored, sink, input: { workspaceId: 'w1', docId: id, doc, ws } };
}

/** The row the document derives now (what a fresh session would store). */
function deriveOnce(f: ReturnType<typeof fixture>): CatalogRowWithText {
  const p = new DocumentPipeline(f.input, []);
  const row = p.deriveNow()!.catalogRow;
  p.destroy();
  return row;
}

describe('the derived-data pipeline of an open document', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('derives stats, catalog row and body index from one snapshot, after the first paint', () => {
    const f = fixture();
    appendJSONToBody(f.doc, paragraph('Participants agreed on three priorities for the next cycle.'));
    const pipeline = new DocumentPipeline(f.input, [f.sink]);
    expect(pipeline.getSnapshot()).toBeNull();
    vi.advanceTimersByTime(0);
    const derived = pipeline.getSnapshot()!;
    const body = bodyToJSON(f.doc);
    expect(derived.stats).toEqual({ words: countWords(plainText(body)), pages: estimatePages(body, readHouseStyle(f.ws)), targetMin: 20, targetMax: 40 });
    expect(derived.catalogRow).toMatchObject({ key: `w1/${f.id}`, title: 'Output report', wordCount: derived.stats.words });
    expect(derived.catalogRow.text).toContain('three priorities');
    expect(derived.bodyIndex.blocks.length).toBeGreaterThan(0);
    pipeline.destroy();
  });

  it('derives once per settled burst of changes, not per keystroke', () => {
    const f = fixture();
    const spy = vi.spyOn(derive, 'deriveDocument');
    const pipeline = new DocumentPipeline(f.input, [f.sink], 300);
    vi.advanceTimersByTime(0);
    const outlineWords = pipeline.getSnapshot()!.stats.words;
    const listener = vi.fn();
    pipeline.subscribe(listener);
    for (let i = 0; i < 20; i++) {
      appendJSONToBody(f.doc, paragraph(`word ${i}`));
      vi.advanceTimersByTime(50);
    }
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledTimes(2); // the first result, then one for the burst
    expect(pipeline.getSnapshot()!.stats.words).toBe(outlineWords + 40);
    pipeline.destroy();
    spy.mockRestore();
  });

  it('follows the metadata, the draft target and the house style', () => {
    const f = fixture();
    const pipeline = new DocumentPipeline(f.input, [f.sink], 300);
    vi.advanceTimersByTime(0);
    updateDocumentMeta(f.ws, f.id, { title: 'Revised report' });
    setField(f.doc, 'targetMin', 5);
    updateHouseStyle(f.ws, { pageTargetMax: 30 });
    vi.advanceTimersByTime(300);
    const derived = pipeline.getSnapshot()!;
    expect(derived.catalogRow.title).toBe('Revised report');
    expect(derived.stats).toMatchObject({ targetMin: 5, targetMax: 30 });
    pipeline.destroy();
  });

  it('writes the catalog row only after a change: throttled while typing, at once on close', () => {
    const f = fixture();
    const pipeline = new DocumentPipeline(f.input, [f.sink], 300);
    f.stored.set(`w1/${f.id}`, { ...deriveOnce(f), updatedAt: 7 });
    vi.advanceTimersByTime(5000);
    expect(f.written).toEqual([]); // opened, not changed, row up to date: nothing written
    const outlineWords = pipeline.getSnapshot()!.stats.words;
    appendJSONToBody(f.doc, paragraph('first'));
    vi.advanceTimersByTime(300);
    expect(f.written).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(f.written.map((r) => r.wordCount - outlineWords)).toEqual([1]);
    appendJSONToBody(f.doc, paragraph('second change'));
    vi.advanceTimersByTime(100);
    pipeline.destroy(); // closed before the change settled: derived and written now
    expect(f.written.map((r) => r.wordCount - outlineWords)).toEqual([1, 3]);
    vi.advanceTimersByTime(5000);
    expect(f.written).toHaveLength(2);
  });

  it('repairs on opening a stored row that the document no longer matches, keeping its updatedAt', async () => {
    const f = fixture();
    const row = deriveOnce(f);
    f.stored.set(row.key, { ...row, updatedAt: 7 });
    setField(f.doc, 'status', 'changed in a session whose write was cut short');
    const pipeline = new DocumentPipeline(f.input, [f.sink], 300);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.written).toHaveLength(1);
    expect(f.written[0]).toMatchObject({ key: row.key, updatedAt: 7 });
    expect(f.written[0]!.status).toBe('changed in a session whose write was cut short');
    await vi.advanceTimersByTimeAsync(5000);
    expect(f.written).toHaveLength(1);
    pipeline.destroy();
  });

  it('writes a missing row on opening', async () => {
    const f = fixture();
    const pipeline = new DocumentPipeline(f.input, [f.sink], 300);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.written.map((r) => r.key)).toEqual([`w1/${f.id}`]);
    pipeline.destroy();
  });

  it('is shared by the screens that show one document and stops with the last of them', () => {
    const f = fixture();
    const docs = new DerivedDocs([() => f.sink]);
    const changes = vi.fn();
    docs.subscribe(changes);
    const releaseA = docs.acquire(f.input);
    const releaseB = docs.acquire(f.input);
    const pipeline = docs.get(`doc.w1.${f.id}`);
    expect(pipeline).toBeDefined();
    releaseA();
    expect(docs.get(`doc.w1.${f.id}`)).toBe(pipeline);
    releaseB();
    releaseB();
    expect(docs.get(`doc.w1.${f.id}`)).toBeUndefined();
    expect(changes).toHaveBeenCalledTimes(2);
  });
});
