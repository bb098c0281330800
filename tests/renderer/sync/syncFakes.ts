import type { StudyApi } from '../../../src/core/api/contract';
import type { AppEvent, EventSource } from '../../../src/core/api/events';
import type { SyncRunResult, SyncStatus, SyncStepReport } from '../../../src/core/api/syncApi';

/** An event source the test pushes events into. */
export function fakeEvents(): EventSource & { emit(e: AppEvent): void } {
  const listeners = new Set<(e: AppEvent) => void>();
  return {
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit: (e) => listeners.forEach((l) => l(e)),
  };
}

/** Makes `methods` answer with an ApiError instead of `api`'s value. */
export function failing(api: StudyApi, methods: Record<string, { code: string; message: string }>): StudyApi {
  return new Proxy(api, {
    get: (target, method: string) => {
      const error = methods[method];
      return error !== undefined ? () => Promise.resolve({ ok: false, error }) : (target as unknown as Record<string, unknown>)[method];
    },
  });
}

const steps = (names: Array<[SyncStepReport['step'], SyncStepReport['state']]>): SyncStepReport[] =>
  names.map(([step, state]) => ({ step, state, detail: '', ms: 12 }));

/** A finished sync. */
export function syncResult(over: Partial<SyncRunResult> = {}): SyncRunResult {
  return {
    ok: true,
    startedAt: '2025-03-01T10:00:00.000Z',
    finishedAt: '2025-03-01T10:00:02.000Z',
    summary: '3 notes up, 1 down, 12 topics merged',
    counts: { notesUp: 3, notesDown: 1, topicsMerged: 12, conflicts: 0, skipped: 0 },
    steps: steps([
      ['check', 'done'],
      ['export', 'done'],
      ['commit', 'done'],
      ['fetch', 'done'],
      ['merge', 'done'],
      ['import', 'done'],
      ['push', 'done'],
    ]),
    error: null,
    commit: 'abcdef1234567890',
    conflicts: [],
    hubReloaded: false,
    pendingDeletions: [],
    ...over,
  };
}

/** A failed sync with `code` at `step`. */
export function failedResult(code: string, message: string, at: SyncStepReport['step'] = 'check'): SyncRunResult {
  return syncResult({
    ok: false,
    summary: message,
    counts: { notesUp: 0, notesDown: 0, topicsMerged: 0, conflicts: 0, skipped: 0 },
    steps: steps([[at, 'failed']]),
    error: { code, message, detail: '' },
    commit: null,
  });
}

/** A sync that stopped before deleting `notes` from the repo (error code `confirm-deletions`). */
export function confirmDeletionsResult(notes: Array<{ id: string; title: string }>): SyncRunResult {
  const result = failedResult('confirm-deletions', `This sync would delete ${notes.length} of your notes in the repository.`, 'export');
  return { ...result, pendingDeletions: notes };
}

/** Settings' view of a repo. */
export function syncStatus(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    configured: false,
    repoPath: null,
    handle: null,
    suggestedHandle: 'ada-lovelace',
    useAsHub: false,
    branch: null,
    remote: null,
    remoteUrl: null,
    problem: null,
    running: false,
    lastSync: null,
    interrupted: null,
    ...over,
  };
}
