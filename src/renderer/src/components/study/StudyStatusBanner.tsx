import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { DbStatus } from '../../../../core/api/studyApi';
import { BoundedText } from '../BoundedText';

/** Tells the learner what happened to their database (restored, newer version, save failing). */
export function StudyStatusBanner({ api, events }: { api: StudyApi; events: EventSource }) {
  const read = useApi(api, 'study.status', {});
  // A status pushed by the back end replaces the one read at start.
  const [pushed, setPushed] = useState<DbStatus | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(
    () =>
      events.subscribe((e) => {
        if (e.type === 'study.status') {
          setPushed(e.status);
        }
      }),
    [events],
  );
  const status = pushed ?? read.value ?? null;
  if (status === null || status.message === null || status.message === dismissed) {
    return null;
  }
  const serious = status.saveError !== null || !status.writable;
  return (
    <div className={`study-banner${serious ? ' serious' : ''}`} role="alert">
      <span>
        <BoundedText text={status.message} />
      </span>
      {status.saveError === null && (
        <button type="button" onClick={() => setDismissed(status.message)}>
          Dismiss
        </button>
      )}
    </div>
  );
}
