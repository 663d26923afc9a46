// Navigation, new windows, <webview> and permissions: everything is denied unless it is our own app origin.
// Links the user clicks (window.open / target=_blank) go to the system browser, but only https: and mailto:.
import { shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../common/desktopApi';
import { isTrustedUrl, type TrustPolicy } from './appOrigin';

/** Permissions the app needs; everything else (camera, geolocation, notifications, ...) is refused. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}

export function restrictWebContents(contents: WebContents, policy: TrustPolicy): void {
  const denyUntrusted = (event: { url: string; preventDefault(): void }) => {
    if (!isTrustedUrl(event.url, policy)) event.preventDefault();
  };
  contents.on('will-navigate', denyUntrusted);
  contents.on('will-redirect', denyUntrusted);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function restrictSession(session: Session, policy: TrustPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(details.requestingUrl, policy));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(requestingOrigin, policy),
  );
}
