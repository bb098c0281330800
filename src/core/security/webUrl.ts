/**
 * The one http(s) URL check: what may leave the app for the system browser. The main process's
 * navigation policy, the `app.openExternal` handler, the renderer's window.open guard and the notes
 * preview all ask it, so they cannot drift apart.
 */

/** The WHATWG URL parser every host has (Node, Electron, browsers); core's lib does not declare it. */
declare const URL: new (input: string, base?: string) => { protocol: string; hostname: string; href: string; origin: string };

/** A parsed http(s) URL with a host. */
export type WebUrl = { href: string; origin: string; hostname: string };

/** `raw` (resolved against `base` when given) as an http(s) URL with a host name, or null (other schemes, junk). */
export function webUrl(raw: string, base?: string): WebUrl | null {
  let url;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
    ? { href: url.href, origin: url.origin, hostname: url.hostname }
    : null;
}
