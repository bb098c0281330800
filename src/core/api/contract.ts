/**
 * The StudyApi contract: every call the UI can make, with a zod schema for its arguments and the
 * type of its result. Electron IPC and the web host both serve exactly this table.
 */
import { z } from 'zod';
import type { HubProblem, HubTreeNode, RenderedDoc } from '../hub/types';
import type { ApiResult } from './result';

/** A path inside the hub, as the UI names it: relative, posix, no NUL. */
const hubPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains NUL');

/** Argument schemas, one per method. */
export const apiSchemas = {
  /** Versions, host kind and where data lives. */
  'app.info': z.object({}).strict(),
  /** Opens an http(s) URL outside the app (system browser). */
  'app.openExternal': z.object({ url: z.string().max(8192) }).strict(),
  /** The current hub: tree of docs with their topics, and the problems panel. */
  'hub.overview': z.object({}).strict(),
  /** One doc, parsed and sanitised, ready to render. */
  'hub.doc': z.object({ path: hubPath }).strict(),
  /** An image inside the hub, as a data: URL. */
  'hub.asset': z.object({ path: hubPath }).strict(),
  /** Opens another hub folder (an absolute path on this machine). */
  'hub.open': z.object({ root: z.string().min(1).max(4096) }).strict(),
} as const;

/** Every method name. */
export type ApiMethod = keyof typeof apiSchemas;

/** What the caller passes to a method. */
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;

/** What a method receives after validation. */
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof apiSchemas)[M]>;

/** Facts about the running app. */
export type AppInfo = {
  name: string;
  version: string;
  host: 'electron' | 'web';
  dataDir: string;
  versions: Record<string, string>;
};

/** The hub as the sidebar and the problems panel see it. */
export type HubOverview = {
  /** Absolute folder of the hub on this machine. */
  root: string;
  name: string;
  bundled: boolean;
  tree: HubTreeNode[];
  problems: HubProblem[];
  docCount: number;
  topicCount: number;
  /** Every file path in the hub (docs and assets), relative and posix. */
  fileCount: number;
};

/** An image from the hub. */
export type HubAsset = { dataUrl: string; mime: string; bytes: number };

/** Result type of each method. */
export type ApiResults = {
  'app.info': AppInfo;
  'app.openExternal': { opened: boolean };
  'hub.overview': HubOverview;
  'hub.doc': RenderedDoc;
  'hub.asset': HubAsset;
  'hub.open': HubOverview;
};

/** The API as the UI sees it: every method returns a result value. */
export type StudyApi = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiResults[M]>>;
};

/** The API as the backend implements it: validated arguments in, values out, ApiError thrown. */
export type StudyBackend = {
  [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiResults[M]>;
};

/** Every method name, in declaration order. */
export const apiMethods = Object.keys(apiSchemas) as ApiMethod[];

/** True when `name` is a method of the contract. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}
