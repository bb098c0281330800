/** Git failures classified into the codes the learner sees (docs/spec/sync.md, "Failures"). */

/** Every sync failure the UI can show. */
export type SyncErrorCode =
  | 'git-missing'
  | 'not-configured'
  | 'not-a-repo'
  | 'no-remote'
  | 'detached-head'
  | 'in-progress'
  | 'index-locked'
  | 'auth-failed'
  | 'offline'
  | 'timeout'
  | 'push-rejected'
  | 'repo-conflict'
  | 'dirty'
  | 'busy'
  | 'git-failed';

/** A sync failure with a message that says what to do. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly detail: string = '',
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** What the learner reads for each code (the spec's table). */
export const SYNC_MESSAGES: Record<SyncErrorCode, string> = {
  'git-missing': 'Git is not installed (or not on the PATH). Install git, then sync again.',
  'not-configured': 'Choose your repository in Settings > Repository first.',
  'not-a-repo': 'This folder is not a git repository. Choose your clone, or clone one from its URL.',
  'no-remote': 'This repository has no remote to sync with. Add one (git remote add origin <url>), then sync.',
  'detached-head': 'The repository is not on a branch (detached HEAD). Check out your branch (e.g. git switch main), then sync.',
  'in-progress': 'A merge, rebase or cherry-pick is under way in this repository. Finish or abort it with git, then sync.',
  'index-locked': 'Another git program is using the repository, or one crashed and left .git/index.lock behind. If no git program is running, delete .git/index.lock, then sync.',
  'auth-failed': 'The remote asked for a password or key and none was available. Sign in once with git in a terminal (credential helper or SSH key), then sync. Nothing was pushed.',
  offline: 'The remote cannot be reached. Check your connection; your notes are committed locally and go up with the next sync.',
  timeout: 'The remote did not answer in time. Your notes are committed locally; sync again later.',
  'push-rejected': 'The remote moved on while you were syncing. Sync again to merge the new changes.',
  'repo-conflict': "Your repository's own files conflict with the remote. Merge them with git, then sync. Your notes were not changed.",
  dirty: 'Your uncommitted changes to some files block updating them. Commit or stash them, then sync. They were left untouched.',
  busy: 'A sync is already running.',
  'git-failed': 'A git step failed.',
};

/** Builds the error for `code` with an optional detail (git's first error line, file names...). */
export function syncError(code: SyncErrorCode, detail = ''): SyncError {
  const base = SYNC_MESSAGES[code];
  return new SyncError(code, detail !== '' && code === 'git-failed' ? `${base} ${detail}` : base, detail);
}

/** Classifies a failed network step (fetch, push) from git's stderr. */
export function classifyRemoteError(stderr: string): SyncErrorCode {
  const s = stderr.toLowerCase();
  if (/authentication failed|could not read username|could not read password|terminal prompts disabled|permission denied \(publickey|permission denied, please try again|host key verification failed|http (401|403)|403 forbidden|401 unauthorized|invalid credentials|access denied/.test(s)) {
    return 'auth-failed';
  }
  if (/\[rejected\]|non-fast-forward|fetch first|failed to push some refs|updates were rejected/.test(s)) {
    return 'push-rejected';
  }
  if (/could not resolve host|could not resolve hostname|connection refused|connection timed out|network is unreachable|no route to host|failed to connect|connection reset|unable to access|could not read from remote repository|temporary failure in name resolution|operation timed out/.test(s)) {
    return 'offline';
  }
  if (/index\.lock/.test(s)) {
    return 'index-locked';
  }
  return 'git-failed';
}

/** The first line of git's stderr that says something (for `git-failed` details). */
export function firstErrorLine(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^(fatal|error):/.test(l) || l !== '');
  return (line ?? '').slice(0, 300);
}
