/**
 * The ONE registration of StudyApi on IPC: every channel is `nexus:<method>`, every call is
 * checked for its sender frame (the app's own top frame) and validated with zod by dispatch.
 * Raw ipcMain.handle appears nowhere else.
 */
import { apiMethods, type StudyBackend } from '../core/api/contract';
import { dispatch } from '../core/api/dispatch';
import { fail } from '../core/api/result';
import { isAppUrl } from './urlPolicy';

/** Channel prefix of StudyApi calls. */
export const CHANNEL_PREFIX = 'nexus:';

/** The little of an IPC event this code reads. */
export type InvokeEvent = { senderFrame: { url: string; parent: unknown } | null };

/** The little of ipcMain this code uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
};

/** True when the call comes from the app's own page (or, under `npm run dev`, the dev server's), top frame. */
export function isTrustedSender(event: InvokeEvent, devOrigin: string | null = null): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devOrigin);
}

/**
 * Registers every StudyApi method on `backend` (one object for the app's life: reopening a hub
 * swaps the hub inside it). `devOrigin` is the dev server's origin under `npm run dev`, else null.
 */
export function registerStudyApi(
  ipc: IpcMainLike,
  backend: StudyBackend,
  onError: (method: string, e: unknown) => void,
  devOrigin: string | null = null,
): void {
  for (const method of apiMethods) {
    ipc.handle(`${CHANNEL_PREFIX}${method}`, async (event, args) => {
      if (!isTrustedSender(event, devOrigin)) {
        return fail('forbidden', 'Call refused: it did not come from the app window.');
      }
      return dispatch(backend, method, args, onError);
    });
  }
}
