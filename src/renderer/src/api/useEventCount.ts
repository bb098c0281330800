import { useEffect, useState } from 'react';
import type { AppEvent, EventSource } from '../../../core/api/events';

/**
 * How many events of one type the back end has pushed since mount: a refresh key for `useApi`, so a
 * list is read again in place (no blank state) when, say, a sync finishes. 0 without an event source.
 */
export function useEventCount(events: EventSource | undefined, type: AppEvent['type']): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (events === undefined) {
      return undefined;
    }
    return events.subscribe((event) => {
      if (event.type === type) {
        setCount((n) => n + 1);
      }
    });
  }, [events, type]);
  return count;
}
