import { existsSync } from 'node:fs';

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else null (Playwright's own). */
export function chromiumPath(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}
