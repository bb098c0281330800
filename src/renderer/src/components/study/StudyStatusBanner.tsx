import { useEffect, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { DbStatus } from '../../../../core/api/studyApi';
import { BoundedText } from '../BoundedText';

/** Tells the learner what happened to their database (restored, newer version, save failing). */
export function StudyStatusBanner({ api, events }: { api: StudyApi; events: EventSource }) {
  const [status, setStatus] = useState<DbStatus | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api['study.status']({}).then((res) => {
      if (live && res.ok) {
        setStatus(res.value);
      }
    });
    const off = events.subscribe((e) => {
      if (e.type === 'study.status') {
        setStatus(e.status);
      }
    });
    return () => {
      live = false;
      off();
    };
  }, [api, events]);
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
