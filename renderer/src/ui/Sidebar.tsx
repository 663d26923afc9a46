import { useState } from 'react';
import { useUi } from '../state/uiStore';
import { useWorkspace } from '../state/workspaceContext';
import { readWorkspaceInfo, wsInfo } from '../model/workspaceDoc';
import { catalogDb } from '../storage/catalogDb';
import { useLiveQuery, useY } from './hooks';
import { t } from '../i18n';
import { capabilitiesOf, OWN_WORKSPACE_ROLE } from '../../../common/roles';
import { useSearchUi } from '../state/searchUi';
import { isBoolean, useDevicePref } from '../state/devicePrefs';
import { ToastSlot } from './Toasts';

export function Sidebar() {
  // Collapsed, the sidebar leaves its width to the screen (the comment matrix at 1280 px); remembered per device.
  const [collapsed, setCollapsed] = useDevicePref('sidebarCollapsed', false, isBoolean);
  const toggle = (
    <button
      type="button"
      className="icon-button sidebar-toggle"
      aria-expanded={!collapsed}
      aria-label={collapsed ? t('nav.showSidebar') : t('nav.hideSidebar')}
      title={collapsed ? t('nav.showSidebar') : t('nav.hideSidebar')}
      onClick={() => setCollapsed(!collapsed)}
    >
      {collapsed ? '»' : '«'}
    </button>
  );
  // The toggle keeps its place in the tree, so it keeps the focus when the sidebar collapses or opens.
  return (
    <aside className={collapsed ? 'sidebar collapsed' : 'sidebar'} aria-label={t('nav.sidebar')}>
      <div className="sidebar-top">
        {!collapsed && <div className="sidebar-brand">Rapporteur</div>}
        {toggle}
      </div>
      {!collapsed && <SidebarContent />}
    </aside>
  );
}

function SidebarContent() {
  const { id, doc, canEdit, local } = useWorkspace();
  const route = useUi((s) => s.route);
  const navigate = useUi((s) => s.navigate);
  const openDialog = useUi((s) => s.openDialog);
  const info = useY(wsInfo(doc), () => readWorkspaceInfo(doc));
  const workspaces = useLiveQuery(() => catalogDb.workspaces.orderBy('lastOpenedAt').reverse().toArray(), [], []);
  const [maintenanceOpen, setMaintenanceOpen] = useState(false);
  // The registry is editors' data (common/roles.ts readRegistry); others are not sent it (the server's projection).
  const readRegistry = capabilitiesOf(local?.role ?? OWN_WORKSPACE_ROLE).readRegistry;
  const nav = [
    { screen: 'documents' as const, label: t('nav.documents') },
    { screen: 'due' as const, label: t('nav.due') },
    ...(readRegistry ? [{ screen: 'stakeholders' as const, label: t('nav.stakeholders') }] : []),
    { screen: 'digest' as const, label: t('nav.digest') },
    ...(readRegistry ? [{ screen: 'experts' as const, label: t('nav.experts') }] : []),
    { screen: 'settings' as const, label: t('nav.settings') },
  ];
  const active = route.screen === 'document' ? 'documents' : route.screen === 'profile' ? 'stakeholders' : route.screen;
  return (
    <>
      <label className="field compact">
        <span className="field-label">{t('workspace.switch')}</span>
        <select
          value={id}
          onChange={(e) => (e.target.value === '' ? navigate({ screen: 'workspaces' }) : navigate({ screen: 'documents', workspaceId: e.target.value }))}
        >
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.id === id ? info.name : w.name || t('workspace.untitled')}
            </option>
          ))}
          <option value="">{t('workspace.all')}</option>
        </select>
      </label>
      {local?.role && !capabilitiesOf(local.role).editBody && (
        <p className={`role-badge role-${local.role}`} role="status">
          {t(`role.${local.role}`)}
        </p>
      )}
      {canEdit && (
        <button type="button" className="primary wide" onClick={() => openDialog({ type: 'new-document' })}>
          {t('document.new')}
        </button>
      )}
      <button type="button" className="wide search-open" aria-keyshortcuts="Control+K Meta+K" onClick={() => useSearchUi.getState().setOpen(true)}>
        {t('search.open')} <kbd>{t('search.shortcut')}</kbd>
      </button>
      <nav aria-label={t('nav.workspace')}>
        <ul className="nav-list">
          {nav.map((item) => (
            <li key={item.screen}>
              <a
                href={`#/w/${id}${item.screen === 'documents' ? '' : `/${item.screen}`}`}
                aria-current={active === item.screen ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ screen: item.screen, workspaceId: id });
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ToastSlot />
      <div className="sidebar-footer">
        <button type="button" className="link-button" aria-expanded={maintenanceOpen} onClick={() => setMaintenanceOpen((o) => !o)}>
          {t('maintenance.menu')}
        </button>
        {maintenanceOpen && (
          <ul className="menu" role="menu" aria-label={t('maintenance.menu')}>
            <li role="none">
              <button type="button" role="menuitem" onClick={() => (setMaintenanceOpen(false), openDialog({ type: 'rebuild-index' }))}>
                {t('maintenance.rebuild')}
              </button>
            </li>
            {canEdit && (
              <li role="none">
                <button type="button" role="menuitem" onClick={() => (setMaintenanceOpen(false), openDialog({ type: 'import-docx' }))}>
                  {t('import.menu')}
                </button>
              </li>
            )}
            <li role="none">
              <button type="button" role="menuitem" onClick={() => (setMaintenanceOpen(false), openDialog({ type: 'join' }))}>
                {t('sync.connect')}
              </button>
            </li>
          </ul>
        )}
      </div>
    </>
  );
}
