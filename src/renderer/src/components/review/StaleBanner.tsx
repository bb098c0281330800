import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { DiffPart, StaleTopicView } from '../../../../core/api/reviewApi';
import { useApi } from '../../api/useApi';
import './review.css';
import { BoundedText } from '../BoundedText';

type Props = { api: StudyApi; path: string; /** Bumped when progress changes (re-check). */ version: number };

/** Unchanged text longer than this is shown as its two ends around an ellipsis. */
const CONTEXT_CHARS = 160;

function context(text: string, first: boolean, last: boolean): string {
  if (text.length <= CONTEXT_CHARS * 2) {
    return text;
  }
  const head = first ? '' : text.slice(0, CONTEXT_CHARS);
  const tail = last ? '' : text.slice(-CONTEXT_CHARS);
  return `${head} … ${tail}`;
}

function DiffView({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="diff-view" aria-label="Changes since you finished it">
      {parts.map((p, i) =>
        p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{context(p.text, i === 0, i === parts.length - 1)}</span>,
      )}
    </div>
  );
}

function StaleRow({ api, topic, onAccepted }: { api: StudyApi; topic: StaleTopicView; onAccepted: () => void }) {
  const [parts, setParts] = useState<DiffPart[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (): Promise<void> => {
    if (parts !== null) {
      setParts(null);
      return;
    }
    const res = await api['review.diff']({ topicId: topic.topicId });
    if (res.ok) {
      setParts(res.value.parts);
    } else {
      setError(res.error.message);
    }
  };
  const accept = async (): Promise<void> => {
    const res = await api['review.acceptChange']({ topicId: topic.topicId });
    if (res.ok) {
      onAccepted();
    } else {
      setError(res.error.message);
    }
  };
  const when = new Date(topic.doneAt).toLocaleDateString();
  return (
    <div className="stale-row-wrap">
      <div className="stale-row">
        {topic.status === 'changed' ? (
          <span>
            <strong>“{topic.title}”</strong> changed since you finished it ({when}). Its cards are back in your review.
          </span>
        ) : (
          <span>
            <strong>“{topic.title}”</strong>, finished {when}, is no longer in this hub (renamed or removed). Its progress and review history are kept.
          </span>
        )}
        <button type="button" aria-expanded={parts !== null} onClick={() => void toggle()}>
          {parts !== null ? 'Hide changes' : 'Show changes'}
        </button>
        {topic.status === 'changed' && (
          <button type="button" onClick={() => void accept()}>
            I have re-read it
          </button>
        )}
      </div>
      {error !== null && <p className="save-error" role="alert">
          <BoundedText text={error} />
        </p>}
      {parts !== null && <DiffView parts={parts} />}
    </div>
  );
}

/** In the reader: the done topics of this doc whose text changed since they were finished. */
export function StaleBanner({ api, path, version }: Props) {
  const stale = useApi(api, 'review.stale', {}, version);
  const topics = stale.value?.topics.filter((t) => t.docPath === path) ?? [];
  if (topics.length === 0) {
    return null;
  }
  return (
    <aside className="stale-banner" aria-label="Changed since you finished it" data-testid="stale-banner">
      {topics.map((t) => (
        <StaleRow key={t.topicId} api={api} topic={t} onAccepted={stale.reload} />
      ))}
    </aside>
  );
}
