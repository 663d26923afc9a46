// English fallbacks for the labels that comment views and matrix files show. Callers with an i18n catalog pass
// their own `t` (same ids); these keep the model usable on its own (CLI, server, tests).

export type Translate = (id: string) => string;

const EN: Record<string, string> = {
  'group.government': 'Government',
  'group.private-sector': 'Private sector',
  'group.civil-society': 'Civil society',
  'group.technical-community': 'Technical community',
  'group.academia': 'Academia',
  'group.intergovernmental': 'Intergovernmental organisation',
  'group.other': 'Other',
  'region.african': 'African States',
  'region.asia-pacific': 'Asia-Pacific States',
  'region.eastern-european': 'Eastern European States',
  'region.latin-american-caribbean': 'Latin American and Caribbean States',
  'region.western-european-other': 'Western European and other States',
  'region.global': 'Global / no single region',
  'gender.woman': 'Woman',
  'gender.man': 'Man',
  'gender.non-binary': 'Non-binary',
  'gender.not-stated': 'Prefer not to say',
  'commentType.general': 'General',
  'commentType.substantive': 'Substantive',
  'commentType.editorial': 'Editorial',
  'purpose.stakeholder': 'Stakeholder comment',
  'purpose.annotation': 'Annotation',
  'disposition.open': 'Open',
  'disposition.accepted': 'Accepted',
  'disposition.accepted-with-changes': 'Accepted with changes',
  'disposition.not-accepted': 'Not accepted',
  'disposition.noted': 'Noted',
  'disposition.duplicate': 'Duplicate',
  'disposition.duplicateOf': 'Duplicate of #{n}',
  'disposition.withdrawn': 'Withdrawn',
  'comments.location.para': 'para {n}',
  'comments.location.section': '§ {n}',
  'comments.location.deleted': 'on deleted text',
  'comments.location.general': 'whole document',
  'matrix.column.number': '#',
  'matrix.column.id': 'Id',
  'matrix.column.para': 'Para',
  'matrix.column.section': 'Section',
  'matrix.column.quote': 'Text commented on',
  'matrix.column.commenter': 'Commenter',
  'matrix.column.organisation': 'Organisation',
  'matrix.column.group': 'Stakeholder group',
  'matrix.column.region': 'Region',
  'matrix.column.gender': 'Gender',
  'matrix.column.type': 'Type',
  'matrix.column.comment': 'Comment',
  'matrix.column.proposedWording': 'Proposed wording',
  'matrix.column.disposition': 'Disposition',
  'matrix.column.response': 'Response',
  'matrix.column.check': 'Check (do not edit)',
};

export const englishLabels: Translate = (id) => EN[id] ?? id;

/** `t(id)` with `{name}` placeholders filled. */
export function fill(t: Translate, id: string, vars: Record<string, string | number>): string {
  return t(id).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
