/** Types of scripts/chromium.mjs (a plain Node script, imported by its test). */
export type ChromiumFound = {
  found: 'env' | 'system' | 'playwright' | 'installed' | null;
  path: string | null;
  reason?: string;
};
export type ChromiumDeps = {
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  ownLocations: () => string[] | null;
  install: () => number;
  log: (line: string) => void;
};
export const NO_CHROMIUM_MESSAGE: string;
export function installLocations(dryRunOutput: string): string[];
export function ensureChromium(deps: ChromiumDeps): ChromiumFound;
export function ensureChromiumHere(root: string): ChromiumFound;
