/**
 * window.open for the app's page: only http(s) URLs (checked with the URL parser) open, in a
 * separate browsing context with no opener; anything else (javascript:, file:, data:...) is refused.
 * Electron's main process applies the same policy again in setWindowOpenHandler.
 */
import { webUrl } from '../../../core/security/webUrl';

/** The http(s) URL to hand off, or null when the URL must not be opened. */
export function externalUrl(raw: string | URL | undefined): string | null {
  const url = webUrl(String(raw ?? ''), window.location.href);
  return url !== null && url.origin !== window.location.origin ? url.href : null;
}

/** Replaces window.open; the page never gets a handle on another window. */
export function guardWindowOpen(target: Window = window): void {
  const original = target.open.bind(target);
  target.open = (url?: string | URL): null => {
    const safe = externalUrl(url);
    if (safe !== null) {
      original(safe, '_blank', 'noopener,noreferrer');
    }
    return null;
  };
}
