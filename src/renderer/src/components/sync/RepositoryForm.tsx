import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { SyncStatus } from '../../../../core/api/syncApi';
import { useApi } from '../../api/useApi';
import { BoundedText } from '../BoundedText';
import { SnapshotsSection } from './SnapshotsSection';

type Props = {
  api: StudyApi;
  /** Bumped after each sync, so branch and problems are re-read. */
  version: number;
  /** The hub changed (the repo's docs were opened as the hub). */
  onHubChanged?: () => void;
};

/** Settings › Repository: choose a clone (or clone one), see its branch and remote, the handle. */
export function RepositoryForm({ api, version, onHubChanged }: Props) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [repoPath, setRepoPath] = useState('');
  const [handle, setHandle] = useState('');
  const [useAsHub, setUseAsHub] = useState(false);
  const [url, setUrl] = useState('');
  const [into, setInto] = useState('');
  const [busy, setBusy] = useState<'save' | 'clone' | null>(null);
  const [actionError, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const show = (s: SyncStatus): void => {
    setStatus(s);
    setRepoPath(s.repoPath ?? '');
    setHandle(s.handle ?? s.suggestedHandle);
    setUseAsHub(s.useAsHub);
  };
  // Each status read (at start and after each sync) fills the form again.
  const read = useApi(api, 'sync.status', {}, version);
  const [shown, setShown] = useState<SyncStatus | undefined>(undefined);
  if (read.value !== undefined && read.value !== shown) {
    setShown(read.value);
    show(read.value);
  }
  const error = actionError ?? read.error?.message ?? null;

  const done = (s: SyncStatus, message: string): void => {
    const hubChanged = s.useAsHub && (status?.useAsHub !== true || status.repoPath !== s.repoPath);
    show(s);
    setSaved(message);
    if (hubChanged || (status?.useAsHub === true && !s.useAsHub)) {
      onHubChanged?.();
    }
  };

  const save = async (): Promise<void> => {
    setBusy('save');
    setError(null);
    setSaved(null);
    const res = await api['sync.configure']({ repoPath: repoPath.trim(), handle: handle.trim(), useAsHub });
    setBusy(null);
    if (res.ok) {
      done(res.value, 'Repository saved.');
    } else {
      setError(res.error.message);
    }
  };

  const clone = async (): Promise<void> => {
    setBusy('clone');
    setError(null);
    setSaved(null);
    const res = await api['sync.clone']({ url: url.trim(), into: into.trim() });
    if (!res.ok) {
      setBusy(null);
      setError(res.error.message);
      return;
    }
    // The clone is connected; the handle and hub choice of the form apply to it too.
    const configured = await api['sync.configure']({ repoPath: res.value.repoPath ?? into.trim(), handle: handle.trim(), useAsHub });
    setBusy(null);
    if (configured.ok) {
      done(configured.value, `Cloned into ${configured.value.repoPath ?? into}.`);
    } else {
      show(res.value);
      setError(configured.error.message);
    }
  };

  if (status === null) {
    return error !== null ? (
      <p className="sync-error" role="alert">
        <BoundedText text={error} />
      </p>
    ) : (
      <p className="muted">Loading…</p>
    );
  }
  return (
    <section className="settings-section" aria-labelledby="repo-heading">
      <h2 id="repo-heading">Repository</h2>
      <p className="muted">
        Sync keeps your notes and progress in your own git repository, under <code>.nexus/{status.handle ?? (handle || status.suggestedHandle)}/</code>, so another of your machines picks up where this one left off. Nothing syncs until you press Sync now.
      </p>
      {status.interrupted !== null && (
        <p className="sync-error" role="alert">
          <BoundedText text={status.interrupted} />
        </p>
      )}
      {status.configured && (
        <dl className="repo-facts" aria-label="Connected repository">
          <dt>Folder</dt>
          <dd>
            <code>{status.repoPath}</code>
          </dd>
          <dt>Branch</dt>
          <dd>{status.branch ?? '—'}</dd>
          <dt>Remote</dt>
          <dd>{status.remote !== null ? `${status.remote}${status.remoteUrl !== null ? ` — ${status.remoteUrl}` : ''}` : '—'}</dd>
          <dt>Handle</dt>
          <dd>{status.handle}</dd>
          <dt>Hub</dt>
          <dd>{status.useAsHub ? "This repository's docs" : 'Not used as the hub'}</dd>
        </dl>
      )}
      {status.problem !== null && (
        <p className="sync-error" role="alert">
          <BoundedText text={status.problem.message} />
        </p>
      )}
      <form
        className="settings-form"
        aria-label="Use a local clone"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h3>Use a local clone</h3>
        <label>
          Folder of your clone (full path)
          <input type="text" name="repoPath" value={repoPath} onChange={(e) => setRepoPath(e.target.value)} placeholder="/home/you/alx-project-nexus" spellCheck={false} required />
        </label>
        <p className="hint muted">Type or paste the folder's full path (there is no folder picker in the browser).</p>
        <label>
          Handle
          <input type="text" name="handle" value={handle} onChange={(e) => setHandle(e.target.value)} placeholder={status.suggestedHandle} maxLength={40} spellCheck={false} />
        </label>
        <p className="hint muted">Names your folder in the repo. Use the same handle on each of your machines (suggested from git's user.name: {status.suggestedHandle}).</p>
        <label className="check">
          <input type="checkbox" checked={useAsHub} onChange={(e) => setUseAsHub(e.target.checked)} /> Use this repository's docs as the hub
        </label>
        <div className="settings-actions">
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      <form
        className="settings-form"
        aria-label="Clone from a URL"
        onSubmit={(e) => {
          e.preventDefault();
          void clone();
        }}
      >
        <h3>Or clone from a URL</h3>
        <label>
          Repository URL
          <input type="text" name="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="git@github.com:you/alx-project-nexus.git" spellCheck={false} required />
        </label>
        <label>
          Into folder (new or empty, full path)
          <input type="text" name="into" value={into} onChange={(e) => setInto(e.target.value)} placeholder="/home/you/alx-project-nexus" spellCheck={false} required />
        </label>
        <div className="settings-actions">
          <button type="submit" disabled={busy !== null}>
            {busy === 'clone' ? 'Cloning…' : 'Clone'}
          </button>
        </div>
      </form>
      {error !== null && (
        <p className="sync-error" role="alert">
          <BoundedText text={error} />
        </p>
      )}
      {saved !== null && (
        <p className="sync-summary" role="status">
          {saved}
        </p>
      )}
      {status.configured && <SnapshotsSection api={api} version={version} />}
    </section>
  );
}
