/** StudyApi domain `app.*`: facts about the running app. */
import { z } from 'zod';

/** Argument schemas of `app.*`. */
export const appSchemas = {
  /** Versions, host kind and where data lives. */
  'app.info': z.object({}).strict(),
  /** Opens an http(s) URL outside the app (system browser). */
  'app.openExternal': z.object({ url: z.string().max(8192) }).strict(),
} as const;

/** Facts about the running app. */
export type AppInfo = {
  name: string;
  version: string;
  host: 'electron' | 'web';
  dataDir: string;
  versions: Record<string, string>;
};

/** Results of `app.*`. */
export type AppResults = {
  'app.info': AppInfo;
  'app.openExternal': { opened: boolean };
};
