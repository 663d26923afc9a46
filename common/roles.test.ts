import { describe, expect, it } from 'vitest';
import { capabilitiesOf, mayEditComment, mayWrite, PUBLIC_STAKEHOLDER_FIELDS, readsAllComments, readsProjection, ROLES } from './roles';

describe('capabilities by role', () => {
  it('editors may do everything, commenters comment and edit their own, viewers read', () => {
    expect(Object.values(capabilitiesOf('editor')).every((v) => v === true || typeof v === 'object')).toBe(true);
    expect(capabilitiesOf('commenter')).toMatchObject({ editBody: false, comment: true, annotate: false, editOwnComments: true, editAnyComment: false, setDisposition: false });
    expect(Object.values(capabilitiesOf('viewer')).filter((v) => v === true)).toEqual([]);
  });

  it('rooms each role may write', () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, (['workspace', 'document', 'comments'] as const).filter((room) => mayWrite(r, room))]));
    expect(table).toEqual({ editor: ['workspace', 'document', 'comments'], commenter: ['comments'], viewer: [] });
  });

  it('what each role reads: editors the stored rooms, others the workspace only as a projection', () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, capabilitiesOf(r).reads]));
    expect(table).toEqual({
      editor: { workspace: 'full', document: 'full', comments: 'full' },
      commenter: { workspace: 'projection', document: 'full', comments: 'own-or-open' },
      viewer: { workspace: 'projection', document: 'full', comments: 'published' },
    });
    expect(ROLES.filter((r) => readsProjection(r, 'workspace'))).toEqual(['commenter', 'viewer']);
    expect(ROLES.filter((r) => readsProjection(r, 'comments'))).toEqual(['commenter', 'viewer']);
    expect(ROLES.filter((r) => readsProjection(r, 'document'))).toEqual([]);
    // Views of the whole consultation (Balance) only for roles that receive all of it.
    expect(ROLES.filter(readsAllComments)).toEqual(['editor']);
    expect(ROLES.filter((r) => capabilitiesOf(r).readRegistry)).toEqual(['editor']);
    expect(PUBLIC_STAKEHOLDER_FIELDS).not.toContain('gender');
    expect(PUBLIC_STAKEHOLDER_FIELDS).not.toContain('themes');
  });

  it('who may edit a comment', () => {
    expect(mayEditComment('editor', 'someone', 'me')).toBe(true);
    expect(mayEditComment('commenter', 'me', 'me')).toBe(true);
    expect(mayEditComment('commenter', 'someone', 'me')).toBe(false);
    expect(mayEditComment('viewer', 'me', 'me')).toBe(false);
  });
});
