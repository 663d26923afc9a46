// Issue 15, rough edges: the status bar without a page target, the matrix's columns and the collapsible sidebar,
// action point status, toasts, the toolbar's overflow menu, date fields, the report's one status.
export const roughEdges = {
  'status.pagesNoTarget': '{count, plural, one {≈ # page} other {≈ # pages}}',
  'stakeholders.noOrganisation': "no organisation",
  'stakeholders.entryWithDetails': "{name} ({details})",
  'stakeholders.entryNumbered': "{name} ({details}), entry {n}",
  'stakeholders.mergedPair': "Entry “{drop}” merged into “{keep}”.",
  'action.in-progress': "In progress",
  'nav.hideSidebar': "Hide the sidebar",
  'nav.showSidebar': "Show the sidebar",
  'toasts.label': "Notifications",
  'toasts.dismissHint': "Dismiss (Esc)",
  'common.undo': "Undo",
};
