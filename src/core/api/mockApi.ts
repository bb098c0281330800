/** StudyApi domain `mock.*`: try a hub spec's operations offline against a stateful mock. */
import { z } from 'zod';
import type { ExerciseStatus } from '../mock/exercises';
import type { FieldProblem, MockResponse } from '../mock/types';
import { hubPath } from './hubApi';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'] as const;

/** Bounded header / query maps: names and values are text, a few dozen at most. */
const textMap = z.record(z.string().min(1).max(200), z.string().max(8192)).refine((m) => Object.keys(m).length <= 64, 'too many entries');

const mockRequest = z
  .object({
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(METHODS)),
    /** Path relative to the server, with an optional query string. */
    path: z
      .string()
      .min(1)
      .max(4096)
      .refine((p) => p.startsWith('/'), 'path must start with /'),
    query: z
      .record(z.string().min(1).max(200), z.union([z.string().max(8192), z.array(z.string().max(8192)).max(64)]))
      .refine((m) => Object.keys(m).length <= 64, 'too many entries')
      .optional(),
    headers: textMap.optional(),
    /** JSON text of the body; '' or absent for none. */
    body: z.string().max(1_000_000).optional(),
    /** A named example of the spec to answer with. */
    exampleName: z.string().max(200).optional(),
  })
  .strict();

/** Argument schemas of `mock.*`. */
export const mockSchemas = {
  /** Sends one request to the mock of spec `path`; its state is kept per spec in the data folder. */
  'mock.send': z.object({ path: hubPath, request: mockRequest }).strict(),
  /** Forgets every resource created in the mock of spec `path` (back to the spec's examples). */
  'mock.reset': z.object({ path: hubPath }).strict(),
  /** What of each operation cannot be mocked in full (why), and the spec's exercises with their steps' status. */
  'mock.overview': z.object({ path: hubPath }).strict(),
} as const;

/** What `mock.overview` gives. */
export type MockOverview = {
  /** Per operation slug: why parts of it are not mocked in full (operations mocked in full are absent). */
  problems: Record<string, string[]>;
  /** Guided sequences; a done step has counted as progress on its operation's topic. */
  exercises: ExerciseStatus[];
};

/** What `mock.send` gives: the mock's response, how long it took, and what of the spec is not mocked. */
export type MockSendResult = {
  response: MockResponse;
  /** Milliseconds the mock took. */
  timingMs: number;
  /** Why parts of the operation reached are not mocked in full (empty: all of it is). */
  problems: string[];
  /** Where the (success) response does not fit the spec's response schema: the spec's example is off. */
  responseProblems: FieldProblem[];
  /** Exercise steps this request completed (their topics are now marked done). */
  stepsDone: string[];
};

/** Results of `mock.*`. */
export type MockResults = {
  'mock.send': MockSendResult;
  'mock.reset': { path: string; cleared: boolean };
  'mock.overview': MockOverview;
};
