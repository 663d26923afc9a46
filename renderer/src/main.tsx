import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { bindRouteToLocation } from './state/uiStore';
import { initLocale } from './state/languageActions';
import './ui/styles.css';

bindRouteToLocation();
// The interface language (saved on this device, else the system's) is loaded before the first render.
void initLocale().finally(() => createRoot(document.getElementById('root')!).render(<App />));

// The web build caches its own files so a browser participant can reopen it offline (documents are in IndexedDB).
if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !import.meta.env.DEV) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Service worker not registered', e));
}
