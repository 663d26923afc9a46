import { describe, expect, it } from 'vitest';
import { UpdateController, feedOverride, isSignatureError, type Notice, type Scheduler, type UpdaterPort } from './updater';

/** A fake feed behind a fake electron-updater: what the feed says, and what happened. */
class FakeUpdater implements UpdaterPort {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  feed: { version?: string; unreachable?: boolean; badSignature?: boolean; noConfig?: boolean } = {};
  calls: string[] = [];
  async checkForUpdates() {
    this.calls.push('check');
    if (this.feed.noConfig) throw Object.assign(new Error("ENOENT: no such file or directory, open '/opt/Rapporteur/resources/app-update.yml'"), { code: 'ENOENT' });
    if (this.feed.unreachable) throw Object.assign(new Error('net::ERR_INTERNET_DISCONNECTED'), { code: 'ERR_INTERNET_DISCONNECTED' });
    const version = this.feed.version ?? '0.1.0';
    return { isUpdateAvailable: version !== '0.1.0', updateInfo: { version } };
  }
  async downloadUpdate() {
    this.calls.push('download');
    if (this.feed.badSignature) {
      throw Object.assign(new Error(`New version ${this.feed.version} is not signed by the application owner: publisherNames: Rapporteur`), {
        code: 'ERR_UPDATER_INVALID_SIGNATURE',
      });
    }
    return ['/tmp/update.exe'];
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.calls.push(`quitAndInstall silent=${isSilent} run=${isForceRunAfter}`);
  }
}

class FakeScheduler implements Scheduler {
  pending: Array<{ callback: () => void; ms: number; id: number }> = [];
  private next = 1;
  setTimeout(callback: () => void, ms: number) {
    const id = this.next++;
    this.pending.push({ callback, ms, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }
  /** Runs the next timer, as if its time had come. */
  async fire() {
    const timer = this.pending.shift();
    timer?.callback();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return timer;
  }
}

const timing = { retryMs: 1000, recheckMs: 60_000 };

function setup(answer: 'restart' | 'later' = 'restart') {
  const updater = new FakeUpdater();
  const scheduler = new FakeScheduler();
  const notices: Notice[] = [];
  const offers: string[] = [];
  const ui = {
    offerRestart: async (version: string) => {
      offers.push(version);
      return answer;
    },
    notify: (notice: Notice) => notices.push(notice),
  };
  const controller = new UpdateController({ updater, ui, scheduler, currentVersion: '0.1.0', timing });
  return { updater, scheduler, notices, offers, controller };
}

describe('UpdateController', () => {
  it('never downloads or installs on its own', () => {
    const { updater } = setup();
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('no update: stays quiet at start, says so when asked, and looks again later', async () => {
    const { controller, updater, notices, offers, scheduler } = setup();
    expect(await controller.start()).toBe('up-to-date');
    expect(notices).toEqual([]);
    expect(offers).toEqual([]);
    expect(updater.calls).toEqual(['check']);
    expect(scheduler.pending.map((t) => t.ms)).toEqual([timing.recheckMs]);
    expect(await controller.checkNow()).toBe('up-to-date');
    expect(notices).toEqual([{ kind: 'up-to-date', currentVersion: '0.1.0' }]);
    expect(scheduler.pending).toHaveLength(1); // rescheduled, not stacked
  });

  it('update available: downloads, then offers a restart, and installs only on yes', async () => {
    const { controller, updater, offers } = setup('restart');
    updater.feed = { version: '0.2.0' };
    expect(await controller.start()).toBe('restarting');
    expect(offers).toEqual(['0.2.0']);
    expect(updater.calls).toEqual(['check', 'download', 'quitAndInstall silent=false run=true']);
  });

  it('"later" installs nothing and does not nag again unasked; asking offers it again', async () => {
    const { controller, updater, offers, scheduler } = setup('later');
    updater.feed = { version: '0.2.0' };
    expect(await controller.start()).toBe('later');
    expect(updater.calls).toEqual(['check', 'download']);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    await scheduler.fire();
    expect(offers).toEqual(['0.2.0']);
    expect(await controller.checkNow()).toBe('later');
    expect(offers).toEqual(['0.2.0', '0.2.0']);
    expect(updater.calls.filter((c) => c.startsWith('quitAndInstall'))).toEqual([]);
  });

  it('bad signature: refuses the update, tells the user once, never offers or installs it', async () => {
    const { controller, updater, offers, notices } = setup('restart');
    updater.feed = { version: '6.6.6', badSignature: true };
    expect(await controller.start()).toBe('refused');
    expect(offers).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'refused', version: '6.6.6' });
    expect(await controller.checkNow()).toBe('refused');
    expect(updater.calls).toEqual(['check', 'download', 'check']);
    expect(notices).toHaveLength(1);
  });

  it('feed unreachable: no dialog, a quiet retry on a timer, which then finds the update', async () => {
    const { controller, updater, notices, offers, scheduler } = setup('later');
    updater.feed = { unreachable: true };
    expect(await controller.start()).toBe('unreachable');
    expect(notices).toEqual([]);
    expect(offers).toEqual([]);
    expect(scheduler.pending.map((t) => t.ms)).toEqual([timing.retryMs]);
    await scheduler.fire();
    expect(updater.calls).toEqual(['check', 'check']);
    expect(notices).toEqual([]);
    updater.feed = { version: '0.2.0' };
    await scheduler.fire();
    expect(offers).toEqual(['0.2.0']);
  });

  it('feed unreachable on Help › Check for updates: tells the user, and still retries quietly', async () => {
    const { controller, updater, notices, scheduler } = setup();
    updater.feed = { unreachable: true };
    expect(await controller.checkNow()).toBe('unreachable');
    expect(notices).toEqual([{ kind: 'unreachable', detail: 'net::ERR_INTERNET_DISCONNECTED' }]);
    expect(scheduler.pending.map((t) => t.ms)).toEqual([timing.retryMs]);
  });

  it('a build without a feed stops checking', async () => {
    const { controller, updater, notices, scheduler } = setup();
    updater.feed = { noConfig: true };
    expect(await controller.start()).toBe('not-configured');
    expect(scheduler.pending).toEqual([]);
    expect(notices).toEqual([]);
    expect(await controller.checkNow()).toBe('not-configured');
    expect(notices).toEqual([{ kind: 'not-configured' }]);
  });

  it('one check at a time', async () => {
    const { controller } = setup();
    const first = controller.start();
    expect(await controller.checkNow()).toBe('busy');
    await first;
  });
});

describe('isSignatureError', () => {
  it('recognises electron-updater signature refusals only', () => {
    expect(isSignatureError(Object.assign(new Error('x'), { code: 'ERR_UPDATER_INVALID_SIGNATURE' }))).toBe(true);
    expect(isSignatureError(new Error('Could not get code signature for running application'))).toBe(true);
    expect(isSignatureError(new Error('net::ERR_CONNECTION_REFUSED'))).toBe(false);
  });
});

describe('feedOverride', () => {
  it('takes an https generic feed from RAPPORTEUR_UPDATE_URL and ignores anything else', () => {
    expect(feedOverride({})).toBeUndefined();
    expect(feedOverride({ RAPPORTEUR_UPDATE_URL: 'https://updates.example.org/rapporteur/' })).toEqual({
      provider: 'generic',
      url: 'https://updates.example.org/rapporteur/',
    });
    for (const bad of ['http://updates.example.org/', 'file:///tmp/feed', 'https://u:p@updates.example.org/', 'not a url']) {
      expect(feedOverride({ RAPPORTEUR_UPDATE_URL: bad }), bad).toBeUndefined();
    }
  });
});
