// The sync server allows the desktop app's origin without importing electron/ (lint keeps runtimes apart); this
// pins the two constants together.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../electron/main/appOrigin';
import { DESKTOP_APP_ORIGIN } from '../../sync-server/originCheck';

describe('desktop app origin', () => {
  it('is the same for the Electron protocol and the sync server', () => {
    expect(DESKTOP_APP_ORIGIN).toBe(APP_ORIGIN);
  });
});
