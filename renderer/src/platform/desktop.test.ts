import { describe, expect, it } from 'vitest';
import { DESKTOP_API_GLOBAL, type DesktopApi } from '../../../common/desktopApi';
import { desktopApi, isDesktop, pickDesktopApi } from './desktop';
import { webDesktopApi } from './webDesktopApi';

describe('pickDesktopApi', () => {
  it('uses the preload bridge when the global exists', () => {
    const bridge = { appInfo: async () => ({ name: 'Rapporteur', version: '0', platform: 'desktop' }) } as unknown as DesktopApi;
    expect(pickDesktopApi({ [DESKTOP_API_GLOBAL]: bridge })).toBe(bridge);
  });

  it('falls back to the web implementation', () => {
    expect(pickDesktopApi({})).toBe(webDesktopApi);
    expect(pickDesktopApi(undefined)).toBe(webDesktopApi);
  });

  it('is the web implementation where there is no window (Node)', async () => {
    expect(desktopApi).toBe(webDesktopApi);
    expect(isDesktop).toBe(false);
    expect((await desktopApi.appInfo()).platform).toBe('web');
  });
});
