import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { Route } from '../../route';
import { CardBrowser } from './CardBrowser';
import { ReviewSession } from './ReviewSession';
import { ReviewSettings } from './ReviewSettings';
import './review.css';

type Props = { api: StudyApi; onNavigate: (route: Route) => void; /** Called after each grade or card change (the topbar count). */ onReviewed?: () => void };

type Tab = 'study' | 'browse' | 'settings';

const TABS: ReadonlyArray<{ tab: Tab; label: string }> = [
  { tab: 'study', label: 'Study' },
  { tab: 'browse', label: 'Browse cards' },
  { tab: 'settings', label: 'Settings' },
];

/** The Review view: study the due cards, browse every card, or set the daily limits and retention. */
export function ReviewView({ api, onNavigate, onReviewed }: Props) {
  const [tab, setTab] = useState<Tab>('study');
  return (
    <section className={tab === 'browse' ? 'review-view card-browser' : 'review-view'} aria-label="Review">
      <header className="review-head">
        <h1>Review</h1>
        <nav className="review-tabs" role="tablist" aria-label="Review">
          {TABS.map((t) => (
            <button key={t.tab} type="button" role="tab" aria-selected={tab === t.tab} onClick={() => setTab(t.tab)}>
              {t.label}
            </button>
          ))}
        </nav>
      </header>
      <div role="tabpanel">
        {tab === 'study' && <ReviewSession api={api} onNavigate={onNavigate} {...(onReviewed !== undefined ? { onReviewed } : {})} />}
        {tab === 'browse' && <CardBrowser api={api} onNavigate={onNavigate} {...(onReviewed !== undefined ? { onChanged: onReviewed } : {})} />}
        {tab === 'settings' && <ReviewSettings api={api} {...(onReviewed !== undefined ? { onChanged: onReviewed } : {})} />}
      </div>
    </section>
  );
}
