// Where the desktop renderer lives: the Electron app serves it from app://rapporteur, and the sync server allows
// websocket upgrades from that origin. One value for both.

export const APP_SCHEME = 'app';
export const APP_HOST = 'rapporteur';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
