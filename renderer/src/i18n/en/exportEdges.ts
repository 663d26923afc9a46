// Issue 15 rough edges: the export dialog's new options, chapter ordering, a contribution's header block, meeting
// participation in the balance.
export const exportEdges = {
  'export.titlePage': 'Title page',
  'export.headingNumbers': 'Heading numbers (I., A., 1.)',
  'export.titlePageDate': 'Date on the title page',
  'export.reorderHint': 'Drag a chapter, or use its arrows (Alt+↑ / Alt+↓), to change the order.',
  'export.moveUp': 'Move {title} up',
  'export.moveDown': 'Move {title} down',
  'export.moved': '{title}: position {position} of {count}',
  'exportDoc.contribution.sender': 'Sender',
  'exportDoc.contribution.organisation': 'Organisation',
  'exportDoc.contribution.group': 'Stakeholder group',
  'exportDoc.contribution.receivedOn': 'Date received',
  'exportDoc.contribution.channel': 'Channel',
  'balance.meetings': 'Meeting participation',
  'balance.nMeetings': '{count, plural, one {# meeting participation} other {# meeting participations}}',
  'balance.silentAll': 'Not heard: no comment, no contribution, no meeting',
  'balance.missingGroupsAll': 'No comment, no contribution and no meeting participation from: {list}.',
};
