import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DbStatus } from '../../src/core/db/status';
import { BoundedText, MESSAGE_MAX, boundText } from '../../src/renderer/src/components/BoundedText';
import { StudyStatusBanner } from '../../src/renderer/src/components/study/StudyStatusBanner';
import { NotesView } from '../../src/renderer/src/components/study/NotesView';
import { SyncButton } from '../../src/renderer/src/components/sync/SyncButton';
import { SyncLog } from '../../src/renderer/src/components/sync/SyncLog';
import { fakeApi } from './fakeApi';
import { notesStore } from './study/notesFakes';
import { failedResult, fakeEvents } from './sync/syncFakes';

afterEach(cleanup);

// Issue 12: a corrupt database full of junk keys put a 689,000-character message in the banner and the log.
const huge = `Unrecognized keys: ${'"junk-key", '.repeat(57_000)}`;
const shown = (el: HTMLElement): number => (el.textContent ?? '').length;

describe('bounded messages', () => {
  it('boundText cuts at the limit with an ellipsis and never splits a surrogate pair', () => {
    expect(boundText('short')).toBe('short');
    const cut = boundText(huge);
    expect(cut).toHaveLength(MESSAGE_MAX + 1);
    expect(cut.endsWith('…')).toBe(true);
    expect(boundText('ab😀cd', 3)).toBe('ab…');
  });

  it('BoundedText shows the whole text only on demand, in a scrolling box', () => {
    render(<BoundedText text={huge} />);
    const toggle = screen.getByRole('button', { name: `Show all (${huge.length.toLocaleString('en-US')} characters)` });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.body.textContent?.length).toBeLessThan(400);
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector('.bounded-text-full')?.textContent).toBe(huge);
  });

  it('the database banner shows a huge message bounded', async () => {
    const status = {
      file: '/data/study.json',
      state: 'reset-empty',
      writable: true,
      corruptPath: null,
      restoredFrom: null,
      migrated: [],
      saveError: null,
      message: huge,
    } as unknown as DbStatus;
    render(<StudyStatusBanner api={fakeApi({ 'study.status': () => status })} events={fakeEvents()} />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Unrecognized keys: "junk-key"');
    expect(shown(banner)).toBeLessThan(450);
  });

  it('the sync panel bounds a failed sync’s message and git detail', async () => {
    const result = failedResult('internal', huge, 'export');
    const api = fakeApi({ 'sync.run': () => ({ ...result, error: { code: 'internal', message: huge, detail: huge } }) });
    render(<SyncButton api={api} events={fakeEvents()} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const alert = await screen.findByRole('alert');
    expect(shown(alert)).toBeLessThan(2 * (MESSAGE_MAX + 100));
    expect(within(alert).getAllByRole('button', { name: /^Show all/ })).toHaveLength(2);
  });

  it('the sync log bounds an entry’s summary line', async () => {
    const api = fakeApi({ 'sync.log': () => ({ entries: [failedResult('internal', huge, 'export')] }) });
    render(<SyncLog api={api} version={0} />);
    const list = await screen.findByRole('list', { name: 'Sync log entries' });
    const summary = list.querySelector<HTMLElement>('.sync-log-summary');
    expect(summary?.textContent?.startsWith('Failed: Unrecognized keys')).toBe(true);
    expect(shown(summary as HTMLElement)).toBeLessThanOrEqual(161);
  });

  it('a failed autosave shows the reason bounded', async () => {
    const { api } = notesStore([]);
    const failingSave = new Proxy(api, {
      get: (t, m: string) =>
        m === 'notes.save'
          ? () => Promise.resolve({ ok: false, error: { code: 'io', message: huge } })
          : (t as unknown as Record<string, unknown>)[m],
    });
    render(<NotesView api={failingSave} noteId={null} onNavigate={() => undefined} delayMs={5} retryMs={60_000} />);
    fireEvent.click(screen.getByRole('button', { name: 'New free note' }));
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'x' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This change is not saved yet.'));
    expect(shown(screen.getByRole('alert'))).toBeLessThan(600);
  });
});
