import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { bindRouteToLocation, useUi } from './state/uiStore';
import { routeWorkspaceId } from './state/route';
import { loadWorkspaceAhead } from './ui/WorkspaceShell';
import { initLocale } from './state/languageActions';
import './ui/styles.css';

bindRouteToLocation();
// The interface language (saved on this device, else the system's) is loaded before the first render; what the
// first screen shows starts loading meanwhile.
const { route } = useUi.getState();
const workspaceId = routeWorkspaceId(route);
if (workspaceId) loadWorkspaceAhead(workspaceId, route.screen);
void initLocale().finally(() => createRoot(document.getElementById('root')!).render(<App />));

// The web build caches its own files so a browser participant can reopen it offline (documents are in IndexedDB).
if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !import.meta.env.DEV) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Service worker not registered', e));
}
