import { describe, expect, it } from 'vitest';
import { webPreferences } from './webPreferences';

describe('webPreferences', () => {
  const prefs = webPreferences('/app/out/preload/index.cjs');

  it('sandboxes and isolates the renderer, with no Node anywhere', () => {
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  });

  it('keeps web security on and mixed content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('loads the given preload and keeps spellcheck', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.spellcheck).toBe(true);
  });
});
