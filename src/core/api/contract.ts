/**
 * The StudyApi contract: every call the UI can make, with a zod schema for its arguments and the
 * type of its result. Each domain declares its own schemas and results (appApi.ts, hubApi.ts, ...);
 * this file joins them into the one table that Electron IPC and the web host both serve.
 */
import type { z } from 'zod';
import { type AppResults, appSchemas } from './appApi';
import { type HubResults, hubSchemas } from './hubApi';
import { type MockResults, mockSchemas } from './mockApi';
import type { ApiResult } from './result';
import { type ReviewResults, reviewSchemas } from './reviewApi';
import { type SearchResults, searchSchemas } from './searchApi';
import { type SpecResults, specSchemas } from './specApi';
import { type StudyResults, studySchemas } from './studyApi';
import { type SyncResults, syncSchemas } from './syncApi';

export type { AppInfo } from './appApi';
export type { HubAsset, HubOverview } from './hubApi';
export type { SpecView } from './specApi';
export type { MockSendResult } from './mockApi';

/** Argument schemas, one per method, all domains. */
export const apiSchemas = {
  ...appSchemas,
  ...hubSchemas,
  ...specSchemas,
  ...studySchemas,
  ...searchSchemas,
  ...syncSchemas,
  ...reviewSchemas,
  ...mockSchemas,
} as const;

/** Result type of each method, all domains. */
export type ApiResults = AppResults & HubResults & SpecResults & StudyResults & SearchResults & SyncResults & ReviewResults & MockResults;

/** Every method name. */
export type ApiMethod = keyof typeof apiSchemas;

/** What the caller passes to a method. */
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;

/** What a method receives after validation. */
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof apiSchemas)[M]>;

/** The API as the UI sees it: every method returns a result value. */
export type StudyApi = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiResults[M]>>;
};

/** The API as the backend implements it: validated arguments in, values out, ApiError thrown. */
export type StudyBackend = {
  [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiResults[M]>;
};

/** The backend handlers of some methods (one domain). */
export type Handlers<M extends ApiMethod> = Pick<StudyBackend, M>;

/** Every method name, in declaration order. */
export const apiMethods = Object.keys(apiSchemas) as ApiMethod[];

/** True when `name` is a method of the contract. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}
