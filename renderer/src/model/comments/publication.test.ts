import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPublication, setPublished, setReviewMode } from './publication';
import type { Actor } from './threadTypes';

const editor: Actor = { id: 'ed1', name: 'Rita', role: 'editor' };
const commenter: Actor = { id: 'co1', name: 'Carl', role: 'commenter' };

describe('publication of a consultation', () => {
  it('defaults to private submissions, nothing published', () => {
    expect(readPublication(new Y.Doc())).toEqual({ reviewMode: 'private', publishedAt: null });
  });

  it('editors set open review and publish (and withdraw) dispositions; commenters cannot', () => {
    const doc = new Y.Doc();
    setReviewMode(doc, 'open', editor);
    setPublished(doc, 1234, editor);
    expect(readPublication(doc)).toEqual({ reviewMode: 'open', publishedAt: 1234 });
    setPublished(doc, null, editor);
    expect(readPublication(doc).publishedAt).toBeNull();
    expect(() => setPublished(doc, 1, commenter)).toThrow();
    expect(() => setReviewMode(doc, 'private', commenter)).toThrow();
  });
});
