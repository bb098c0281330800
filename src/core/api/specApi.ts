/** StudyApi domain of the API reference: the hub's OpenAPI / Swagger specs. */
import { z } from 'zod';
import type { ApiSpec } from '../openapi/types';
import { hubPath } from './hubApi';

/** Argument schemas of the API reference. */
export const specSchemas = {
  /** One OpenAPI / Swagger file of the hub, normalised, with its raw source. */
  'hub.spec': z.object({ path: hubPath }).strict(),
} as const;

/** A spec as the API reference shows it. */
export type SpecView = {
  spec: ApiSpec;
  /** The file's text, for the raw view. */
  source: string;
};

/** Results of the API reference methods. */
export type SpecResults = {
  'hub.spec': SpecView;
};
