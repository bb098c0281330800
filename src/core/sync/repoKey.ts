/** The key naming "this repo" in a database's sync bases: handle, remote and branch. */

/**
 * One spelling for the ways a remote URL is written, so changing `https://` to `ssh` or adding
 * `.git` does not look like another repository: scheme, user, port, a trailing `.git` or `/` and
 * the host's case are dropped (`git@github.com:me/hub.git` and `https://github.com/me/hub` give
 * `github.com/me/hub`). A local path is expected already resolved by the caller.
 */
export function normaliseRemoteUrl(url: string): string {
  let u = url.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(u);
  if (scp !== null && !/^[a-zA-Z]:[\\/]/.test(u)) {
    u = `${(scp[1] ?? '').toLowerCase()}/${scp[2] ?? ''}`;
  } else {
    const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]*)(?::\d+)?(\/.*)?$/i.exec(u);
    if (m !== null) {
      u = `${(m[1] ?? '').toLowerCase()}${m[2] ?? ''}`;
    }
  }
  return u.replace(/\/+$/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}

/** The sync-base key of a handle's folder on a branch of a remote. */
export function repoKey(handle: string, remoteUrl: string, branch: string): string {
  return `${handle}\n${normaliseRemoteUrl(remoteUrl)}\n${branch}`;
}
