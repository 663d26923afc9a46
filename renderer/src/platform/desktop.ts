// The DesktopApi the app uses: the preload's bridge inside Electron, the web shim in a browser.
import { DESKTOP_API_GLOBAL, type DesktopApi } from '../../../common/desktopApi';
import { webDesktopApi } from './webDesktopApi';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in browsers. */
    [DESKTOP_API_GLOBAL]?: DesktopApi;
  }
}

export function pickDesktopApi(host: Partial<Window> | undefined): DesktopApi {
  return host?.[DESKTOP_API_GLOBAL] ?? webDesktopApi;
}

export const desktopApi: DesktopApi = pickDesktopApi(typeof window === 'undefined' ? undefined : window);

/** True inside the Electron shell. */
export const isDesktop = desktopApi !== webDesktopApi;
