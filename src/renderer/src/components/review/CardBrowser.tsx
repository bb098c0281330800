import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { BrowsedCard } from '../../../../core/api/reviewApi';
import type { Route } from '../../route';
import { useApi } from '../../api/useApi';
import { BoundedText } from '../BoundedText';
import { CardEditor } from './CardEditor';
import { kindLabel } from './cardLabels';
import { formatDue } from './formatDue';
import './review.css';

type Props = { api: StudyApi; onNavigate: (route: Route) => void; /** Cards changed (the due count). */ onChanged?: () => void };

type Filter = { query: string; docPath: string; state: '' | 'new' | 'learning' | 'due' | 'review' | 'suspended' | 'dismissed'; origin: '' | 'own' | 'found' };

const slugOf = (topicId: string): string | null => topicId.slice(topicId.indexOf('#') + 1) || null;

/**
 * The card browser (like Anki's): every card with its topic, state, due date and lapses; search and
 * filters by doc, state and origin; edit, suspend, reset, delete (own cards), each with undo. Also
 * lists schedules whose card changed beyond recognition, for the learner to relink or let go.
 */
export function CardBrowser({ api, onNavigate, onChanged }: Props) {
  const [filter, setFilter] = useState<Filter>({ query: '', docPath: '', state: '', origin: '' });
  const [tick, setTick] = useState(0);
  const browse = useApi(
    api,
    'review.browse',
    {
      ...(filter.query !== '' ? { query: filter.query } : {}),
      ...(filter.docPath !== '' ? { docPath: filter.docPath } : {}),
      ...(filter.state !== '' ? { state: filter.state } : {}),
      ...(filter.origin !== '' ? { origin: filter.origin } : {}),
    },
    tick,
    { keepPrevious: true },
  );
  const result = browse.value ?? null;
  const orphans = useApi(api, 'review.orphans', {}, tick).value?.orphans ?? [];
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? browse.error?.message ?? null;

  const act = async (label: string | null, run: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>): Promise<void> => {
    const res = await run();
    setError(res.ok ? null : res.error.message);
    setDone(res.ok ? label : null);
    setTick((n) => n + 1);
    onChanged?.();
  };
  const undo = (): void => void act(null, () => api['review.undo']({}));
  const openTopic = (c: BrowsedCard): void => {
    if (c.docPath !== null && c.topicId !== null) {
      onNavigate({ view: 'read', path: c.docPath, slug: slugOf(c.topicId) });
    }
  };
  const set = (change: Partial<Filter>): void => setFilter((f) => ({ ...f, ...change }));

  return (
    <section className="card-browser" aria-label="Card browser">
      <div className="card-browser-filters" role="search">
        <input type="search" aria-label="Search cards" placeholder="Search cards…" value={filter.query} onChange={(e) => set({ query: e.target.value })} />
        <select aria-label="Doc" value={filter.docPath} onChange={(e) => set({ docPath: e.target.value })}>
          <option value="">All docs</option>
          {(result?.docs ?? []).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <select aria-label="State" value={filter.state} onChange={(e) => set({ state: e.target.value as Filter['state'] })}>
          <option value="">Any state</option>
          <option value="new">New</option>
          <option value="learning">Learning</option>
          <option value="review">Review</option>
          <option value="due">Due</option>
          <option value="suspended">Suspended</option>
          <option value="dismissed">Dismissed</option>
        </select>
        <select aria-label="Origin" value={filter.origin} onChange={(e) => set({ origin: e.target.value as Filter['origin'] })}>
          <option value="">Own and found</option>
          <option value="own">Own cards</option>
          <option value="found">Found in the hub</option>
        </select>
        {result !== null && (
          <span className="muted" data-testid="browser-total">
            {result.total} cards
          </span>
        )}
      </div>
      {done !== null && (
        <p className="undo-bar" role="status">
          {done}.{' '}
          <button type="button" onClick={undo}>
            Undo
          </button>
        </p>
      )}
      {error !== null && (
        <p className="save-error" role="alert">
          <BoundedText text={error} />
        </p>
      )}
      {orphans.length > 0 && (
        <div className="stale-banner" role="region" aria-label="Cards that lost their source">
          <strong>These reviewed cards changed in the hub beyond recognition.</strong> Keep their schedule on the closest card, or start that card fresh:
          {orphans.map((o) => (
            <div key={o.id} className="stale-row">
              <span>
                “{o.question}”{o.candidate !== null ? ` → “${o.candidate.question}”?` : ' (no close card)'}
              </span>
              {o.candidate !== null && (
                <button type="button" onClick={() => void act('Schedule kept', () => api['review.relink']({ fromId: o.id, toId: o.candidate?.id ?? null }))}>
                  Keep schedule
                </button>
              )}
              <button type="button" onClick={() => void act('Let go', () => api['review.relink']({ fromId: o.id, toId: null }))}>
                Start fresh
              </button>
            </div>
          ))}
        </div>
      )}
      <table className="card-table">
        <thead>
          <tr>
            <th>Question</th>
            <th>Topic</th>
            <th>State</th>
            <th>Due</th>
            <th>Lapses</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {(result?.cards ?? []).map((c) => (
            <tr key={c.id} data-card-id={c.id}>
              <td className="card-q">
                {editing === c.id ? (
                  <CardEditor question={c.question} answer={c.answer} saveLabel="Save" onCancel={() => setEditing(null)} onSave={(q, a) => { setEditing(null); void act('Card edited', () => api['review.editCard']({ cardId: c.id, question: q, answer: a })); }} />
                ) : (
                  <>
                    {c.question}
                    <div className="muted">
                      {kindLabel[c.kind]}
                      {c.edited ? ' · edited' : ''}
                    </div>
                  </>
                )}
              </td>
              <td>
                {c.topicTitle !== null ? (
                  <button type="button" className="link-button" onClick={() => openTopic(c)}>
                    {c.topicTitle}
                  </button>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {c.phase}
                {c.isDue ? ' · due' : ''}
                {c.leech && <span className="leech-badge">leech</span>}
              </td>
              <td>{c.due !== null && c.reps > 0 ? formatDue(c.due) : '—'}</td>
              <td>{c.lapses}</td>
              <td>
                <div className="card-actions">
                  <button type="button" aria-label={`Edit: ${c.question}`} onClick={() => setEditing(c.id)}>
                    Edit
                  </button>
                  <button type="button" aria-label={`${c.suspended ? 'Unsuspend' : 'Suspend'}: ${c.question}`} onClick={() => void act(c.suspended ? 'Unsuspended' : 'Suspended', () => api['review.suspend']({ cardId: c.id, suspended: !c.suspended }))}>
                    {c.suspended ? 'Unsuspend' : 'Suspend'}
                  </button>
                  <button type="button" aria-label={`Reset: ${c.question}`} disabled={c.reps === 0} onClick={() => void act('Schedule reset', () => api['review.resetCard']({ cardId: c.id }))}>
                    Reset
                  </button>
                  {c.userCardId !== null && (
                    <button type="button" className="danger" aria-label={`Delete: ${c.question}`} onClick={() => void act('Card deleted', () => api['review.deleteCard']({ id: c.userCardId ?? '' }))}>
                      Delete
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result !== null && result.total > result.cards.length && <p className="muted">Showing the first {result.cards.length}: search or filter to narrow.</p>}
    </section>
  );
}
