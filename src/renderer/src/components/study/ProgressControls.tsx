import { type RefObject, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { ProgressState } from '../../../../core/api/studyApi';
import type { Topic } from '../../../../core/hub/types';
import { STATES, type StudyHandle } from './useStudy';
import './study.css';
import { BoundedText } from '../BoundedText';

/** How often reading time is reported while a topic is on screen. */
export const READ_TICK_SECONDS = 15;

type Props = {
  api: StudyApi;
  topic: Topic | null;
  study: StudyHandle;
  /** Seconds between reading reports (tests shorten it). */
  tickSeconds?: number;
};

/**
 * Tells the bars that stick below the progress bar (card toolbar, cards) its height: on a narrow
 * column it wraps to two rows, and they used to cover its second row (Done, Skipped).
 */
function useStickyHeight(bar: RefObject<HTMLElement | null>, shown: boolean): void {
  useLayoutEffect(() => {
    const el = bar.current;
    const pane = el?.parentElement;
    if (!shown || el === null || el === undefined || pane === null || pane === undefined) {
      return undefined;
    }
    // Set only when it changes: a new value restyles everything in the pane (a long doc's diagrams).
    let last = '';
    const set = (): void => {
      const next = `${el.offsetHeight}px`;
      if (next !== last) {
        last = next;
        pane.style.setProperty('--review-sticky-top', next);
      }
    };
    set();
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(set) : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      pane.style.removeProperty('--review-sticky-top');
    };
  }, [bar, shown]);
}

/** True when a key press belongs to a text field or an editor, not to the app's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"], .cm-editor') !== null;
}

/**
 * The topic toolbar above the reader: the current topic's state as four toggle buttons, with the
 * keys N, I, D and S. Reading time is reported while the page is visible, so a topic read for a
 * while turns "in progress" and the day counts as a study day.
 */
export function ProgressControls({ api, topic, study, tickSeconds = READ_TICK_SECONDS }: Props) {
  const [error, setError] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  useStickyHeight(bar, topic !== null);
  const current = topic !== null ? study.stateOf(topic.id) : 'not-started';

  const set = (state: ProgressState): void => {
    if (topic === null) {
      return;
    }
    void study.setState(topic.id, state).then(setError);
  };
  const onKey = useEffectEvent((e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) {
      return;
    }
    const match = STATES.find((s) => s.key === e.key.toUpperCase());
    if (match === undefined) {
      return;
    }
    e.preventDefault();
    // In the sidebar, the key sets the focused topic row; elsewhere the topic being read.
    const rowKey = e.target instanceof HTMLElement ? e.target.closest('[data-row-key^="topic:"]')?.getAttribute('data-row-key') : null;
    if (rowKey !== null && rowKey !== undefined) {
      void study.setState(rowKey.slice('topic:'.length), match.state).then(setError);
    } else {
      set(match.state);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  const onRead = useEffectEvent((topicId: string, state: ProgressState): void => {
    if (state !== study.stateOf(topicId)) {
      void study.refresh();
    }
  });

  const topicId = topic?.id ?? null;
  useEffect(() => {
    if (topicId === null) {
      return undefined;
    }
    const report = (seconds: number): void => {
      void api['progress.read']({ topicId, seconds }).then((res) => {
        if (res.ok) {
          onRead(topicId, res.value.state);
        }
      });
    };
    report(0);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        report(tickSeconds);
      }
    }, tickSeconds * 1000);
    return () => window.clearInterval(timer);
  }, [api, topicId, tickSeconds]);

  if (topic === null) {
    return null;
  }
  return (
    <div ref={bar} className="progress-controls" role="toolbar" aria-label="Topic progress">
      <span className="progress-topic" title={topic.id}>
        {topic.title}
      </span>
      {STATES.map((s) => (
        <button
          key={s.state}
          type="button"
          className={`state-btn state-${s.state}`}
          aria-pressed={current === s.state}
          aria-keyshortcuts={s.key}
          title={`${s.label} (${s.key})`}
          onClick={() => set(s.state)}
        >
          <span aria-hidden="true">{s.icon}</span> <span className="state-label">{s.label}</span>
        </button>
      ))}
      {error !== null && (
        <span className="error" role="alert">
          <BoundedText text={error} />
        </span>
      )}
    </div>
  );
}
