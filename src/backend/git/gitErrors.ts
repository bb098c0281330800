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
  | 'read-only'
  | 'confirm-deletions'
  | 'remote-not-found'
  | 'unsafe-config'
  | 'git-failed';

/** Longest message a learner reads (the rest goes to the log). */
export const MAX_MESSAGE = 500;
/** Longest detail (git's error line, file names...) shown with a message. */
export const MAX_DETAIL = 300;

/**
 * `text` without terminal escapes and control characters (a remote's colours, a NUL), cut to
 * `max` characters with an ellipsis: what git or a remote says reaches the learner bounded.
 */
export function bound(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A sync failure with a message that says what to do; message and detail are bounded. */
export class SyncError extends Error {
  readonly detail: string;

  constructor(
    readonly code: SyncErrorCode,
    message: string,
    detail = '',
  ) {
    super(bound(message, MAX_MESSAGE));
    this.name = 'SyncError';
    this.detail = bound(detail, MAX_DETAIL);
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
  'remote-not-found': 'The remote repository was not found: check its URL (git remote -v). If it is private, check that your account can see it. Your notes are committed locally.',
  'unsafe-config': "This repository's own git config names a program that git would run during sync, and it cannot be switched off for one command. Remove the setting, then sync.",
  'read-only': 'Your study database is open read-only here (another window holds it, or a newer version wrote it), so this window cannot sync. Sync from the window that can save.',
  'confirm-deletions': 'This sync would delete most of your notes in the repository. Check the list; sync again and confirm only if you deleted them. Nothing was changed.',
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
  if (/does not appear to be a git repository|repository not found|repository '[^']*' (not found|does not exist)|project you were looking for could not be found|returned error: 404|not found: did you run git update-server-info/.test(s)) {
    return 'remote-not-found';
  }
  if (/could not resolve host|could not resolve hostname|connection refused|connection timed out|network is unreachable|no route to host|failed to connect|connection reset|unable to access|could not read from remote repository|temporary failure in name resolution|operation timed out/.test(s)) {
    return 'offline';
  }
  if (/index\.lock/.test(s)) {
    return 'index-locked';
  }
  return 'git-failed';
}

/**
 * The line of git's stderr that says what failed: the first `fatal:`/`error:` line, else the first
 * non-empty one, bounded to MAX_DETAIL characters (for details and `git-failed` messages).
 */
export function firstErrorLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return bound(lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines[0] ?? '', MAX_DETAIL);
}
