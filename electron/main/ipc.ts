// Registers the handler map with ipcMain. Every call is checked first (VS Code's validated ipcMain): it must
// come from the top frame of our own window, showing our own origin. Anything else is rejected unexecuted.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IpcChannel, MESSAGE_CHANNELS, type InvokeChannel } from '../../common/desktopApi';
import { isTrustedUrl, type TrustPolicy } from './appOrigin';
import type { HandlerMap, IpcHandler } from './handlers';

export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(IpcChannel).filter(
  (channel): channel is InvokeChannel => !(MESSAGE_CHANNELS as readonly string[]).includes(channel),
);

export interface SenderPolicy extends TrustPolicy {
  /** The webContents of the app window, or undefined while there is none. */
  appContents(): WebContents | undefined;
}

/** Why a sender is refused, or undefined when it may call us. */
export function senderRejection(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, policy: SenderPolicy): string | undefined {
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    return 'sender frame is gone';
  }
  if (!frame) return 'no sender frame';
  if (frame.parent !== null) return 'sender is a sub-frame';
  const contents = policy.appContents();
  if (!contents || event.sender !== contents) return 'sender is not the app window';
  if (!isTrustedUrl(frame.url, policy)) return `sender origin is not trusted (${frame.url})`;
  return undefined;
}

export class IpcSenderError extends Error {
  override name = 'IpcSenderError';
}

export function guarded(channel: InvokeChannel, handler: IpcHandler, policy: SenderPolicy): IpcHandler {
  return async (event, ...args) => {
    const rejection = senderRejection(event, policy);
    if (rejection) {
      console.warn(`[ipc] dropped ${channel}: ${rejection}`);
      throw new IpcSenderError(`${channel} refused: ${rejection}`);
    }
    return handler(event, ...args);
  };
}

/** Registers exactly the known invoke channels; returns a function that removes them again. */
export function registerIpcHandlers(map: HandlerMap, policy: SenderPolicy): () => void {
  const unknown = Object.keys(map).filter((key) => !(INVOKE_CHANNELS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new Error(`handler map has unknown channels: ${unknown.join(', ')}`);
  for (const channel of INVOKE_CHANNELS) {
    const handler = map[channel];
    if (typeof handler !== 'function') throw new Error(`no handler for ${channel}`);
    ipcMain.handle(channel, guarded(channel, handler, policy));
  }
  return () => INVOKE_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Hands the app window's "ready to close" message to `onReady`; from any other sender it is dropped. */
export function listenReadyToClose(policy: SenderPolicy, onReady: (sender: WebContents) => void): () => void {
  const listener = (event: IpcMainEvent) => {
    const rejection = senderRejection(event, policy);
    if (rejection) console.warn(`[ipc] dropped ${IpcChannel.readyToClose}: ${rejection}`);
    else onReady(event.sender);
  };
  ipcMain.on(IpcChannel.readyToClose, listener);
  return () => ipcMain.off(IpcChannel.readyToClose, listener);
}
