import { describe, expect, it } from 'vitest';
import { capabilitiesOf, mayEditComment, mayWrite, ROLES } from './roles';

describe('capabilities by role', () => {
  it('editors may do everything, commenters comment and edit their own, viewers read', () => {
    expect(Object.values(capabilitiesOf('editor')).every((v) => v === true || Array.isArray(v))).toBe(true);
    expect(capabilitiesOf('commenter')).toMatchObject({ editBody: false, comment: true, annotate: false, editOwnComments: true, editAnyComment: false, setDisposition: false });
    expect(Object.values(capabilitiesOf('viewer')).filter((v) => v === true)).toEqual([]);
  });

  it('rooms each role may write', () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, (['workspace', 'document', 'comments'] as const).filter((room) => mayWrite(r, room))]));
    expect(table).toEqual({ editor: ['workspace', 'document', 'comments'], commenter: ['comments'], viewer: [] });
  });

  it('who may edit a comment', () => {
    expect(mayEditComment('editor', 'someone', 'me')).toBe(true);
    expect(mayEditComment('commenter', 'me', 'me')).toBe(true);
    expect(mayEditComment('commenter', 'someone', 'me')).toBe(false);
    expect(mayEditComment('viewer', 'me', 'me')).toBe(false);
  });
});
