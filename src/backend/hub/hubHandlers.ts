/** `hub.*` handlers. */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../core/api/contract';
import { ApiError } from '../../core/api/result';
import type { BackendContext } from '../context';
import { HubService } from './hubService';

/** Creates the `hub.*` handlers. */
export function createHubHandlers(ctx: BackendContext): Handlers<'hub.overview' | 'hub.doc' | 'hub.asset' | 'hub.open'> {
  // The latest `hub.open`: an earlier one that settles after it must not replace its hub.
  let latest = 0;
  return {
    'hub.overview': () => Promise.resolve(ctx.hub().overview()),
    'hub.doc': ({ path }) => ctx.hub().doc(path),
    'hub.asset': ({ path }) => ctx.hub().asset(path),
    'hub.open': async ({ root: typed }) => {
      const ticket = ++latest;
      const root = normalizeHubPath(typed);
      await checkHubFolder(root);
      // The tree is back at once; docs are parsed in the background (`hub.progress` events).
      const hub = await HubService.start(root, root === ctx.options.bundledHub, ctx.parser, ctx.parseCache);
      if (ctx.options.progressiveOpen !== true && ticket === latest) {
        await hub.whenSettled();
      }
      if (ticket !== latest) {
        hub.stop();
        throw new ApiError('conflict', `Opening “${root}” was replaced by a later hub.`);
      }
      ctx.setHub(hub);
      ctx.logger.info('hub opened', { root });
      return hub.overview();
    },
  };
}

/** A pasted path as meant: no surrounding blanks or quotes (Windows "Copy as path"), `~` expanded. */
export function normalizeHubPath(typed: string): string {
  let root = typed.trim();
  const quoted = /^(["'])(.*)\1$/s.exec(root);
  if (quoted !== null) {
    root = (quoted[2] ?? '').trim();
  }
  if (root === '~' || root.startsWith('~/') || root.startsWith('~\\')) {
    root = path.join(os.homedir(), root.slice(1));
  }
  return root;
}

/** A bad hub path as the learner can act on it, not as a raw `ENOENT ... realpath`. */
export async function checkHubFolder(root: string): Promise<void> {
  if (!path.isAbsolute(root)) {
    throw new ApiError('not-found', `Cannot open “${root}”: paste the full path of the folder (starting with / or a drive letter).`);
  }
  const info = await stat(root).catch((e: unknown) => (e as NodeJS.ErrnoException).code ?? 'EUNKNOWN');
  if (typeof info === 'string') {
    const why: Record<string, string> = {
      ENOENT: 'there is no folder at this path. Check the spelling, or paste the full path of the folder that holds the docs.',
      ENOTDIR: 'a part of this path is a file, not a folder.',
      EACCES: 'this app may not read that folder (permission denied).',
      EPERM: 'this app may not read that folder (permission denied).',
      ENAMETOOLONG: 'the path is too long.',
      ELOOP: 'it is a symbolic link that leads back to itself (a link loop).',
    };
    throw new ApiError('not-found', `Cannot open “${root}”: ${why[info] ?? `the folder cannot be read (${info}).`}`);
  }
  if (!info.isDirectory()) {
    throw new ApiError('not-found', `Cannot open “${root}”: it is a file, not a folder. Choose the folder that holds the hub's docs.`);
  }
}
