/** StudyApi domain `hub.*`: the open hub, its docs and files. */
import { z } from 'zod';
import type { HubProblem, HubTreeNode, RenderedDoc } from '../hub/types';

/** A path inside the hub, as the UI names it: relative, posix, no NUL. */
export const hubPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains NUL');

/** Argument schemas of `hub.*`. */
export const hubSchemas = {
  /** The current hub: tree of docs with their topics, and the problems panel. */
  'hub.overview': z.object({}).strict(),
  /** One doc, parsed and sanitised, ready to render. */
  'hub.doc': z.object({ path: hubPath }).strict(),
  /** An image inside the hub, as a data: URL. */
  'hub.asset': z.object({ path: hubPath }).strict(),
  /** Opens another hub folder (an absolute path on this machine). */
  'hub.open': z.object({ root: z.string().min(1).max(4096) }).strict(),
} as const;

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
  /** How many files (docs and assets) the hub holds. */
  fileCount: number;
  /** While docs are still being parsed in the background: how many of them are done; null once all are. */
  parsing?: { done: number; total: number } | null;
};

/** An image from the hub. */
export type HubAsset = { dataUrl: string; mime: string; bytes: number };

/** Results of `hub.*`. */
export type HubResults = {
  'hub.overview': HubOverview;
  'hub.doc': RenderedDoc;
  'hub.asset': HubAsset;
  'hub.open': HubOverview;
};
