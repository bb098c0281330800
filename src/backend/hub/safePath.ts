/** Paths that have been checked to stay inside the hub root. */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../core/api/result';
import { isInside } from '../pathInside';

/** An absolute path already proven to be inside the hub root (symlinks resolved). */
export type SafePath = string & { readonly __brand: 'SafePath' };


/**
 * Resolves a hub-relative posix path to a real absolute path inside `realRoot`, or throws
 * `forbidden` (outside the hub, inside .git) / `not-found`.
 */
export async function resolveInHub(realRoot: string, relative: string): Promise<SafePath> {
  if (relative.includes('\0') || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw new ApiError('forbidden', 'Only paths inside the hub can be read.');
  }
  const joined = path.resolve(realRoot, ...relative.split('/'));
  if (!isInside(realRoot, joined) || relative.split('/').includes('.git')) {
    throw new ApiError('forbidden', 'Only paths inside the hub can be read.');
  }
  let real: string;
  try {
    real = await realpath(joined);
  } catch {
    throw new ApiError('not-found', `No such file in the hub: ${relative}`);
  }
  if (!isInside(realRoot, real)) {
    throw new ApiError('forbidden', `${relative} links outside the hub and is not read.`);
  }
  return real as SafePath;
}
