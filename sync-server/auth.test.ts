import { describe, expect, it } from 'vitest';
import { authorizeUpgrade } from './auth';
import { makeToken, TEST_SECRET } from './testHelpers';

const now = Date.now() / 1000;
const url = (path: string, token?: string) => (token === undefined ? path : `${path}?token=${encodeURIComponent(token)}`);

describe('authorizeUpgrade', () => {
  const editor = makeToken({ ws: 'ws1', role: 'editor' });

  it('maps the three room kinds to their doc names', () => {
    expect(authorizeUpgrade(url('/ws1/doc1', editor), TEST_SECRET, now)).toMatchObject({ ok: true, docName: 'doc.ws1.doc1' });
    expect(authorizeUpgrade(url('/ws1/doc1/comments', editor), TEST_SECRET, now)).toMatchObject({ ok: true, docName: 'doc.ws1.doc1.comments' });
    expect(authorizeUpgrade(url('/ws1/_workspace', editor), TEST_SECRET, now)).toMatchObject({ ok: true, docName: 'ws.ws1' });
  });

  it('answers 401 for missing, malformed, forged and expired tokens', () => {
    expect(authorizeUpgrade(url('/ws1/doc1'), TEST_SECRET, now)).toMatchObject({ ok: false, status: 401 });
    expect(authorizeUpgrade(url('/ws1/doc1', 'nonsense'), TEST_SECRET, now)).toMatchObject({ ok: false, status: 401 });
    const forged = makeToken({ ws: 'ws1', role: 'editor' }, Buffer.from('some-other-secret-some-other'));
    expect(authorizeUpgrade(url('/ws1/doc1', forged), TEST_SECRET, now)).toMatchObject({ ok: false, status: 401 });
    const expired = makeToken({ ws: 'ws1', role: 'editor', exp: Math.floor(now) - 1 });
    expect(authorizeUpgrade(url('/ws1/doc1', expired), TEST_SECRET, now)).toMatchObject({ ok: false, status: 401, reason: 'token expired' });
  });

  it('answers 403 for another workspace and 404 for a path that is not a room', () => {
    expect(authorizeUpgrade(url('/ws2/doc1', editor), TEST_SECRET, now)).toMatchObject({ ok: false, status: 403 });
    for (const path of ['/', '/ws1', '/ws1/doc1/other', '/ws1/_workspace/comments', '/ws1/../x', '/ws1/doc%2F1', '/_workspace/x']) {
      expect(authorizeUpgrade(url(path, editor), TEST_SECRET, now)).toMatchObject({ ok: false, status: 404 });
    }
  });
});
