// Auto-update policy, independent of Electron: check at start and on request, download in the background, then
// *offer* the update (restart now / later). Nothing installs without the user's yes, so an edit is never cut off
// by an installer. electron-updater (see updateWiring.ts) is injected as UpdaterPort, the dialogs as UpdateUi and
// the timer as Scheduler, so this runs under Node in the tests with a fake feed.

/** The part of electron-updater's AppUpdater this policy uses. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  /** Resolves once downloaded and verified (electron-updater checks the sha512 and, on Windows, the publisher). */
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export type Notice =
  | { kind: 'up-to-date'; currentVersion: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'not-configured' }
  | { kind: 'refused'; version: string; detail: string };

export interface UpdateUi {
  /** Asks whether to restart into the downloaded version now. */
  offerRestart(version: string): Promise<'restart' | 'later'>;
  /** Tells the user something; used for checks the user asked for and for refused updates. */
  notify(notice: Notice): void;
}

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdateLog {
  info(message: string): void;
  warn(message: string): void;
}

export type CheckOutcome = 'up-to-date' | 'restarting' | 'later' | 'already-declined' | 'refused' | 'unreachable' | 'not-configured' | 'busy';

export const UPDATE_TIMING = {
  /** After a failed check (offline, feed down): try again quietly. */
  retryMs: 30 * 60 * 1000,
  /** After a successful check: look again later in a long session. */
  recheckMs: 6 * 60 * 60 * 1000,
} as const;

export interface UpdateControllerOptions {
  updater: UpdaterPort;
  ui: UpdateUi;
  scheduler: Scheduler;
  currentVersion: string;
  log?: UpdateLog;
  timing?: { retryMs: number; recheckMs: number };
}

const errorCode = (error: unknown): string | undefined =>
  error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** electron-updater's refusal of an update whose code signature does not match the installed app's publisher. */
export function isSignatureError(error: unknown): boolean {
  return errorCode(error) === 'ERR_UPDATER_INVALID_SIGNATURE' || /not signed by the application owner|code signature/i.test(errorText(error));
}

/** No app-update.yml in the package: the build had no update feed, so there is nothing to check. */
const isNotConfigured = (error: unknown): boolean => errorCode(error) === 'ENOENT' && /app-update\.yml/.test(errorText(error));

export class UpdateController {
  private readonly timing: { retryMs: number; recheckMs: number };
  private readonly log: UpdateLog;
  private timer: unknown;
  private busy = false;
  private stopped = false;
  /** Versions the user said "later" to, or whose signature failed: not offered again this session unasked. */
  private readonly declined = new Set<string>();
  private readonly refused = new Set<string>();

  constructor(private readonly options: UpdateControllerOptions) {
    this.timing = options.timing ?? UPDATE_TIMING;
    this.log = options.log ?? { info: () => undefined, warn: () => undefined };
    // Download only after a check said so, and install only when the user says so (never on quit, unasked).
    options.updater.autoDownload = false;
    options.updater.autoInstallOnAppQuit = false;
  }

  /** The check at start; it then reschedules itself. */
  start(): Promise<CheckOutcome> {
    return this.check(false);
  }

  /** Help › Check for updates. */
  checkNow(): Promise<CheckOutcome> {
    return this.check(true);
  }

  stop(): void {
    this.stopped = true;
    this.options.scheduler.clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.options.scheduler.clearTimeout(this.timer);
    this.timer = this.options.scheduler.setTimeout(() => void this.check(false), ms);
  }

  private async check(manual: boolean): Promise<CheckOutcome> {
    if (this.busy) return 'busy';
    this.busy = true;
    try {
      return await this.run(manual);
    } finally {
      this.busy = false;
    }
  }

  private async run(manual: boolean): Promise<CheckOutcome> {
    const { updater, ui } = this.options;
    let result: Awaited<ReturnType<UpdaterPort['checkForUpdates']>>;
    try {
      result = await updater.checkForUpdates();
    } catch (error) {
      if (isNotConfigured(error)) {
        this.log.info('updates: this build has no update feed (no app-update.yml); not checking');
        if (manual) ui.notify({ kind: 'not-configured' });
        return 'not-configured';
      }
      // Offline, captive portal, feed down: say nothing unless asked, and try again later.
      this.log.warn(`updates: check failed (${errorText(error)}); retrying in ${Math.round(this.timing.retryMs / 60000)} min`);
      if (manual) ui.notify({ kind: 'unreachable', detail: errorText(error) });
      this.schedule(this.timing.retryMs);
      return 'unreachable';
    }
    if (!result || !result.isUpdateAvailable) {
      if (manual) ui.notify({ kind: 'up-to-date', currentVersion: this.options.currentVersion });
      this.schedule(this.timing.recheckMs);
      return 'up-to-date';
    }
    const { version } = result.updateInfo;
    if (this.refused.has(version) || (!manual && this.declined.has(version))) {
      this.schedule(this.timing.recheckMs);
      return this.refused.has(version) ? 'refused' : 'already-declined';
    }
    try {
      await updater.downloadUpdate();
    } catch (error) {
      if (isSignatureError(error)) {
        this.refused.add(version);
        this.log.warn(`updates: refused ${version}: ${errorText(error)}`);
        ui.notify({ kind: 'refused', version, detail: errorText(error) });
        this.schedule(this.timing.recheckMs);
        return 'refused';
      }
      this.log.warn(`updates: download of ${version} failed (${errorText(error)}); retrying later`);
      if (manual) ui.notify({ kind: 'unreachable', detail: errorText(error) });
      this.schedule(this.timing.retryMs);
      return 'unreachable';
    }
    const choice = await ui.offerRestart(version);
    if (choice === 'restart') {
      this.stop();
      updater.quitAndInstall(false, true);
      return 'restarting';
    }
    this.declined.add(version);
    this.schedule(this.timing.recheckMs);
    return 'later';
  }
}

/**
 * The feed, when overridden at run time: RAPPORTEUR_UPDATE_URL names a generic (electron-builder layout) https feed,
 * e.g. an organisation's mirror. Anything that is not https is ignored, so the signature chain stays meaningful.
 */
export function feedOverride(env: Record<string, string | undefined>): { provider: 'generic'; url: string } | undefined {
  const raw = env.RAPPORTEUR_UPDATE_URL?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && !url.username && !url.password ? { provider: 'generic', url: url.toString() } : undefined;
  } catch {
    return undefined;
  }
}
