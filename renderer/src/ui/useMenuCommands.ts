import { useEffect } from 'react';
import { desktopApi } from '../platform/desktop';
import { useUi } from '../state/uiStore';
import { routeWorkspaceId } from '../state/route';
import { t } from '../i18n';

/** Native menu commands (desktop) and the web build's own menu arrive here and open the matching dialog. */
export function useMenuCommands(): void {
  useEffect(
    () =>
      desktopApi.onMenu((event) => {
        const { route, openDialog, notify, navigate } = useUi.getState();
        if (event.command === 'join-invite' && event.payload) {
          const q = event.payload.indexOf('?');
          navigate({ screen: 'join', query: q >= 0 ? event.payload.slice(q) : '' });
          return;
        }
        if (event.command === 'rebuild-index') return openDialog({ type: 'rebuild-index' });
        if (!routeWorkspaceId(route)) return notify('info', t('menu.needWorkspace'));
        if (event.command === 'new-document') openDialog({ type: 'new-document' });
        if (event.command === 'import-docx') openDialog({ type: 'import-docx' });
        if (event.command === 'export') {
          if (route.screen !== 'document') return notify('info', t('menu.needDocument'));
          openDialog({ type: 'export' });
        }
      }),
    [],
  );
}
