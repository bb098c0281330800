import { useContext, useEffect, useState } from 'react';
import { ReviewSettings } from '../review/ReviewSettings';
import { ReadingSettings } from '../settings/ReadingSettings';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import { CommandBusContext } from '../../hooks/useUiCommand';
import { RepositoryForm } from './RepositoryForm';
import { SyncLog } from './SyncLog';
import './sync.css';

type Props = { api: StudyApi; events: EventSource; onHubChanged?: () => void };

/** Settings (`#/settings`): the sync repository and the sync log. */
export function SettingsView({ api, events, onHubChanged }: Props) {
  const bus = useContext(CommandBusContext);
  const [version, setVersion] = useState(0);
  const [running, setRunning] = useState(false);
  useEffect(
    () =>
      events.subscribe((e) => {
        if (e.type === 'sync.step') {
          setRunning(true);
        } else if (e.type === 'sync.finished') {
          setRunning(false);
          setVersion((v) => v + 1);
        }
      }),
    [events],
  );
  return (
    <div className="settings-view">
      <h1>Settings</h1>
      <ReadingSettings />
      <RepositoryForm api={api} version={version} onHubChanged={onHubChanged} />
      {bus !== null && (
        <div className="settings-actions">
          <button type="button" className="primary" disabled={running} onClick={() => bus.emit('sync-now')}>
            {running ? 'Syncing…' : 'Sync now'}
          </button>
          <span className="muted">
            or press <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> anywhere. Steps show in the sync panel.
          </span>
        </div>
      )}
      <SyncLog api={api} version={version} />
      <section className="settings-review" aria-labelledby="settings-review-title">
        <h2 id="settings-review-title">Review</h2>
        <ReviewSettings api={api} />
      </section>
    </div>
  );
}
