/**
 * The renderer's only way to the back end: `window.nexus` under Electron (the preload's named
 * functions), or HTTP to the local web host in a browser. Both satisfy StudyApi.
 */
import type { ApiArgs, ApiMethod, ApiResults, StudyApi } from '../../../core/api/contract';
import type { AppEvent, EventSource } from '../../../core/api/events';
import type { ApiResult } from '../../../core/api/result';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- extending Window needs declaration merging
  interface Window {
    nexus?: StudyApi;
    nexusEvents?: EventSource;
  }
}

/** An HTTP transport for the web host; the token comes from the page's meta tag. */
export function createHttpApi(token: string, fetchImpl: typeof fetch = fetch.bind(window)): StudyApi {
  const call = async <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResults[M]>> => {
    try {
      const body = JSON.stringify(args);
      const res = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nexus-Token': token },
        body,
        // A save fired while the tab closes must still reach the back end (keepalive bodies max 64 KiB).
        keepalive: body.length < 60_000,
      });
      if (!res.ok) {
        return { ok: false, error: { code: 'unavailable', message: `The app's back end answered ${res.status}.` } };
      }
      return (await res.json()) as ApiResult<ApiResults[M]>;
    } catch {
      return { ok: false, error: { code: 'unavailable', message: "The app's back end is not reachable. Is `npm run web` still running?" } };
    }
  };
  return new Proxy({} as StudyApi, {
    get: (_target, method: string) => (args: unknown) => call(method as ApiMethod, args as never),
  });
}

/** The web host's per-run token, injected into the page as a meta tag (absent under Electron). */
function pageToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="nexus-token"]')?.content ?? '';
}

let api: StudyApi | null = null;

/** The API for this page (memoised). */
export function getApi(): StudyApi {
  if (api === null) {
    api = window.nexus ?? createHttpApi(pageToken());
  }
  return api;
}

/** Replaces the API (component tests pass an in-memory one). */
export function setApi(next: StudyApi): void {
  api = next;
}

/**
 * Push events over Server-Sent Events from the web host: ONE connection shared by every subscriber
 * (a browser allows only 6 connections per host over HTTP/1.1; a stream per component would leave
 * none for the API calls, which would then wait forever). Opened with the first subscriber, closed
 * with the last.
 */
export function createHttpEvents(token: string, open: (url: string) => globalThis.EventSource = (url) => new window.EventSource(url)): EventSource {
  const listeners = new Set<(event: AppEvent) => void>();
  let source: globalThis.EventSource | null = null;
  return {
    subscribe: (listener: (event: AppEvent) => void) => {
      const entry = (event: AppEvent): void => listener(event);
      listeners.add(entry);
      if (source === null) {
        source = open(`/api/events?token=${encodeURIComponent(token)}`);
        source.onmessage = (message: MessageEvent<string>) => {
          let event: AppEvent;
          try {
            event = JSON.parse(message.data) as AppEvent;
          } catch {
            return; // A malformed event is dropped.
          }
          for (const l of [...listeners]) {
            l(event);
          }
        };
      }
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0 && source !== null) {
          source.close();
          source = null;
        }
      };
    },
  };
}

let events: EventSource | null = null;

/** Push events for this page (memoised). */
export function getEvents(): EventSource {
  if (events === null) {
    events = window.nexusEvents ?? createHttpEvents(pageToken());
  }
  return events;
}

/** Replaces the event source (component tests). */
export function setEvents(next: EventSource): void {
  events = next;
}
