// The Content-Security-Policy of the renderer, built in one place for both places that deliver it: Electron's
// app:// protocol (a response header) and the HTML of the builds (a meta tag injected by renderer/vite.shared.ts).
// Default-deny; each directive lists only what the renderer needs.

export interface CspOptions {
  /**
   * Where the renderer may open connections besides its own origin. Default: any ws:/wss: URL, because users
   * configure their own sync servers (an invite link names one) and a static policy cannot list them.
   */
  connectSrc?: readonly string[];
}

export const ANY_SYNC_SERVER: readonly string[] = ['ws:', 'wss:'];

export function contentSecurityPolicy({ connectSrc = ANY_SYNC_SERVER }: CspOptions = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React style props, Tiptap and ProseMirror set inline styles (column widths, carets, decorations).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectSrc].join(' ')}`,
    // The DOCX import runs in a dedicated worker (renderer/src/state/importInWorker.ts); the web build also
    // registers its service worker (sw.js).
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ].join('; ');
}
