// Issue 15 rough edges in export and compile: the dialog's new options, chapter ordering, a contribution's header block.
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
};
