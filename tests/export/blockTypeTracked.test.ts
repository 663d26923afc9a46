// A pending change of a block's type (issue 12, schema/blockTypeSuggestion.ts) exported as a Word formatting change:
// the block has its new style and a w:pPrChange with the old one, with the suggestion's author and date. Read back
// with python-docx (the XML it parses) and opened by LibreOffice, which lists it as a tracked format change.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import { writeBlockSuggestion } from '../../renderer/src/schema/blockTypeSuggestion';
import { draft, inputOf, unzipAll, PYTHON } from './helpers';

const t = (text: string): PMNode => ({ type: 'text', text });

const READ = `
import sys, json, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
out = []
for p in d.paragraphs:
    ch = p._p.pPr.find(qn('w:pPrChange')) if p._p.pPr is not None else None
    old = None
    if ch is not None:
        st = ch.find(qn('w:pPr')).find(qn('w:pStyle'))
        old = st.get(qn('w:val')) if st is not None else 'Normal'
    out.append({'text': p.text, 'style': p.style.style_id, 'old': old, 'author': ch.get(qn('w:author')) if ch is not None else None, 'date': ch.get(qn('w:date')) if ch is not None else None})
print(json.dumps(out))
`;

describe('block-type suggestions in DOCX', () => {
  it('are written as w:pPrChange with the old style, author and date; LibreOffice sees a tracked format change', async () => {
    const body: PMNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { bid: 'a', level: 2, suggestion: writeBlockSuggestion({ id: 's1', fromType: 'paragraph', fromAttrs: {} }) }, content: [t('Was a paragraph')] },
        { type: 'heading', attrs: { bid: 'b', level: 3, suggestion: writeBlockSuggestion({ id: 's2', fromType: 'heading', fromAttrs: { level: 1 } }) }, content: [t('Was a heading 1')] },
        { type: 'paragraph', attrs: { bid: 'c', suggestion: writeBlockSuggestion({ id: 's1', fromType: 'heading', fromAttrs: { level: 2 } }) }, content: [t('Was a heading 2')] },
        { type: 'paragraph', attrs: { bid: 'd' }, content: [t('Unchanged')] },
      ],
    };
    const doc = {
      ...draft(body),
      suggestions: [
        { id: 's1', authorId: 'u1', authorName: 'Jane Doe', at: Date.UTC(2025, 5, 1, 9, 30), source: 'editor' as const },
        { id: 's2', authorId: 'u2', authorName: 'Kofi Mensah', at: Date.UTC(2025, 5, 2, 14), source: 'editor' as const },
      ],
    };
    const bytes = await exportDocx(inputOf([doc]), {});
    const xml = unzipAll(bytes)['word/document.xml'];
    expect(xml).toMatch(/<w:pPrChange w:id="\d+" w:author="Jane Doe" w:date="2025-06-01T09:30:00Z"><w:pPr\/?>/);
    expect(xml).toMatch(/<w:pPrChange w:id="\d+" w:author="Kofi Mensah" w:date="2025-06-02T14:00:00Z"><w:pPr><w:pStyle w:val="Heading1"\/>/);
    expect(xml).not.toContain('"suggestion"');

    const dir = mkdtempSync(join(tmpdir(), 'blocktype-'));
    try {
      const file = join(dir, 'f.docx');
      writeFileSync(file, bytes);
      writeFileSync(join(dir, 'read.py'), READ);
      const paras = (JSON.parse(execFileSync(PYTHON, [join(dir, 'read.py'), file], { encoding: 'utf8' })) as Array<Record<string, string | null>>).filter((p) => p.text?.startsWith('Was') || p.text === 'Unchanged');
      expect(paras.map((p) => [p.text, p.style, p.old, p.author])).toEqual([
        ['Was a paragraph', 'Heading2', 'Normal', 'Jane Doe'],
        ['Was a heading 1', 'Heading3', 'Heading1', 'Kofi Mensah'],
        ['Was a heading 2', expect.not.stringMatching(/^Heading/), 'Heading2', 'Jane Doe'],
        ['Unchanged', expect.not.stringMatching(/^Heading/), null, null],
      ]);
      // LibreOffice reads them as tracked changes: in its flat ODT, a changed region per paragraph with its author
      // (a paragraph-attribute change, which its ODF writer names text:UnknownChange), around those paragraphs only.
      const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
      const res = spawnSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'fodt', '--outdir', dir, file], { encoding: 'utf8', timeout: 240_000 });
      rmSync(profile, { recursive: true, force: true });
      expect(res.status).toBe(0);
      const fodt = readFileSync(join(dir, 'f.fodt'), 'utf8');
      const changes = [...fodt.matchAll(/<text:changed-region[^>]*>\s*<text:\w+>\s*<office:change-info>\s*<dc:creator>([^<]+)<\/dc:creator>/g)].map((m) => m[1]);
      expect(changes.sort()).toEqual(['Jane Doe', 'Jane Doe', 'Kofi Mensah']);
      const changed = [...fodt.matchAll(/<text:change-start text:change-id="[^"]+"\/>([^<]+)<text:change-end/g)].map((m) => m[1]);
      expect(changed).toEqual(['Was a paragraph', 'Was a heading 1', 'Was a heading 2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
