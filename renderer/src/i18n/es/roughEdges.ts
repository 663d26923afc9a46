// Spanish for en/roughEdges.ts (issue 15, rough edges).
export const roughEdges = {
  'status.pagesNoTarget': "{count, plural, one {≈ # página} other {≈ # páginas}}",
  'stakeholders.noOrganisation': "sin organización",
  'stakeholders.entryWithDetails': "{name} ({details})",
  'stakeholders.entryNumbered': "{name} ({details}), entrada {n}",
  'stakeholders.mergedPair': "La entrada «{drop}» se ha fusionado en «{keep}».",
  'action.in-progress': "En curso",
  'nav.hideSidebar': "Ocultar el panel lateral",
  'nav.showSidebar': "Mostrar el panel lateral",
  'toasts.label': "Notificaciones",
  'toasts.dismissHint': "Cerrar (Esc)",
  'common.undo': "Deshacer",
};
