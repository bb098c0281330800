/** Turns a failed local git command into a SyncError. */
import { SyncError, classifyRemoteError, firstErrorLine, syncError } from './gitErrors';

/** Result of one git command; `raw` is stdout's bytes (blobs are decoded per file, not as UTF-8). Here, not in gitRunner, so the two do not import each other. */
export type GitResult = { code: number; stdout: string; stderr: string; raw: Buffer };

/**
 * The error for a failed command (network steps classified by their message: auth, rejected,
 * remote not found, offline). Messages and details are bounded by SyncError.
 */
export function classifyLocal(args: readonly string[], r: GitResult): SyncError {
  const cmd = args[0] ?? '';
  if (/index\.lock/.test(r.stderr)) {
    return syncError('index-locked');
  }
  if (/not a git repository/i.test(r.stderr)) {
    return syncError('not-a-repo');
  }
  if (['fetch', 'push', 'clone', 'ls-remote', 'pull'].includes(cmd)) {
    const code = classifyRemoteError(r.stderr);
    return code === 'git-failed'
      ? syncError('git-failed', `git ${cmd}: ${firstErrorLine(r.stderr)}`)
      : new SyncError(code, syncError(code).message, firstErrorLine(r.stderr));
  }
  return syncError('git-failed', `git ${cmd}: ${firstErrorLine(r.stderr)}`);
}
