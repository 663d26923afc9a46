// French for en/roughEdges.ts (issue 15, rough edges).
export const roughEdges = {
  'status.pagesNoTarget': "{count, plural, one {≈ # page} other {≈ # pages}}",
  'stakeholders.noOrganisation': "sans organisation",
  'stakeholders.entryWithDetails': "{name} ({details})",
  'stakeholders.entryNumbered': "{name} ({details}), entrée {n}",
  'stakeholders.mergedPair': "Entrée « {drop} » fusionnée dans « {keep} ».",
  'action.in-progress': "En cours",
  'nav.hideSidebar': "Masquer le panneau latéral",
  'nav.showSidebar': "Afficher le panneau latéral",
  'toasts.label': "Notifications",
  'toasts.dismissHint': "Fermer (Échap)",
  'common.undo': "Annuler",
};
