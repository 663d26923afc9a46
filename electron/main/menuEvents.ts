// Menu events (and deep links) can arrive before the renderer has loaded, e.g. an invite link that launched
// the app. The outbox holds them until the page is ready; the preload then holds them until a listener subscribes.
import type { MenuEvent } from '../../common/desktopApi';

const MAX_PENDING = 20;

export class MenuEventOutbox {
  private pending: MenuEvent[] = [];
  private deliver: ((event: MenuEvent) => void) | undefined;

  send(event: MenuEvent): void {
    if (this.deliver) {
      this.deliver(event);
      return;
    }
    this.pending.push(event);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  /** The renderer is ready: deliver what waited, then deliver directly. */
  attach(deliver: (event: MenuEvent) => void): void {
    this.deliver = deliver;
    const waiting = this.pending;
    this.pending = [];
    waiting.forEach(deliver);
  }

  /** The renderer is (re)loading or gone: hold events again. */
  detach(): void {
    this.deliver = undefined;
  }

  get size(): number {
    return this.pending.length;
  }
}
