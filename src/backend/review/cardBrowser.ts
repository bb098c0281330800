/** The card browser and the reader's "Cards (N)": every card, decisions, edits, suspend, reset, orphans. */
import type { BrowsedCard, CardPhase, OrphanView, ReviewResults, TopicCard } from '../../core/api/reviewApi';
import { ApiError } from '../../core/api/result';
import type { StudyDb } from '../../core/db/schema';
import { needsReview } from '../../core/review/memory';
import { newSchedule } from '../../core/review/schedule';
import type { ReviewCard } from '../../core/review/types';
import { matchOrphans, moveSchedule } from './reconcile';
import { NO_DECISION, type ReviewService, own } from './reviewService';

const docOf = (topicId: string): string => topicId.slice(0, Math.max(0, topicId.indexOf('#')));

/** Filters of the card browser. */
export type BrowseFilter = { query?: string | undefined; docPath?: string | undefined; state?: CardPhase | 'due' | undefined; origin?: 'own' | 'found' | undefined; limit?: number | undefined };

/** Card listing and card changes over a ReviewService. */
export class CardBrowser {
  constructor(private readonly review: ReviewService) {}

  private topicCard(c: ReviewCard): TopicCard {
    const r = this.review.db.review;
    const s = r.cards[c.id];
    const st = r.cardStates[c.id];
    const shown = this.review.textOf(c);
    const user = c.kind === 'user' ? c.id.slice('user:'.length) : null;
    return {
      id: c.id,
      kind: c.kind,
      question: shown.question,
      answer: shown.answer,
      due: s?.due ?? null,
      reps: s?.reps ?? 0,
      lapses: s?.lapses ?? 0,
      userCardId: user,
      status: c.kind === 'user' ? 'own' : (st?.status ?? 'suggested'),
      active: this.review.isActive(c),
      suspended: st?.suspended === true,
      leech: st?.leech === true,
      edited: (st?.question ?? null) !== null || (st?.answer ?? null) !== null,
    };
  }

  async topicCards(topicId: string): Promise<ReviewResults['review.cards']> {
    const deck = await this.review.deck();
    const cards = (await this.review.allCards()).filter((c) => c.topicId === topicId).map((c) => this.topicCard(c));
    const r = this.review.db.review;
    const done = own(this.review.db.progress, topicId)?.state === 'done';
    const ids = cards.filter((c) => c.status !== 'dismissed').map((c) => c.id);
    const weak = done && needsReview(new Map([[topicId, ids]]), r.cards, r.cardStates, this.review.now()).length > 0;
    return { cards, skipped: deck.skipped.filter((s) => s.topicId === topicId), needsReview: weak };
  }

  private async card(cardId: string): Promise<ReviewCard> {
    const all = await this.review.allCards();
    const c = all.find((x) => x.id === cardId);
    if (c === undefined) {
      throw new ApiError('not-found', 'This card no longer exists.');
    }
    return c;
  }

  /** Changes one card's decision inside a save, keeping an undo step. */
  private setState(db: StudyDb, label: string, cardId: string, change: Partial<typeof NO_DECISION>): void {
    this.review.undoStep(db, label, cardId);
    const now = this.review.now().toISOString();
    db.review.cardStates[cardId] = { ...NO_DECISION, ...db.review.cardStates[cardId], ...change, updatedAt: now };
  }

  async decide(cardIds: readonly string[], status: 'accepted' | 'dismissed' | 'suggested'): Promise<{ changed: number }> {
    const deck = await this.review.deck();
    const ids = cardIds.filter((id) => deck.cards.has(id) && this.review.db.review.cardStates[id]?.status !== status);
    if (ids.length > 0) {
      await this.review.save((db) => ids.forEach((id) => this.setState(db, status === 'accepted' ? 'accept' : status === 'dismissed' ? 'dismiss' : 'restore', id, { status })));
    }
    return { changed: ids.length };
  }

  async editCard(cardId: string, question: string, answer: string): Promise<TopicCard> {
    const c = await this.card(cardId);
    const now = this.review.now().toISOString();
    await this.review.save((db) => {
      if (c.kind === 'user') {
        this.review.undoStep(db, 'edit', cardId);
        db.review.userCards = db.review.userCards.map((u) => (`user:${u.id}` === cardId ? { ...u, question: question.trim(), answer, updatedAt: now } : u));
      } else {
        // The hub's text is kept when the edit gives it back unchanged.
        this.setState(db, 'edit', cardId, { status: 'accepted', question: question.trim() === c.question ? null : question.trim(), answer: answer === c.answer ? null : answer });
      }
    });
    return this.topicCard((await this.review.allCards()).find((x) => x.id === cardId) ?? c);
  }

  async suspend(cardId: string, suspended: boolean): Promise<{ cardId: string; suspended: boolean }> {
    await this.card(cardId);
    await this.review.save((db) => this.setState(db, suspended ? 'suspend' : 'unsuspend', cardId, suspended ? { suspended } : { suspended, leech: false }));
    return { cardId, suspended };
  }

  async resetCard(cardId: string): Promise<{ cardId: string }> {
    const c = await this.card(cardId);
    const now = this.review.now();
    await this.review.save((db) => {
      this.review.undoStep(db, 'reset', cardId);
      db.review.cards[cardId] = { ...newSchedule(c.topicId ?? '', c.question, now), changedAt: now.toISOString() };
    });
    return { cardId };
  }

  private phase(t: TopicCard): CardPhase {
    const s = this.review.db.review.cards[t.id];
    if (t.status === 'dismissed') {
      return 'dismissed';
    }
    if (t.suspended) {
      return 'suspended';
    }
    if (s === undefined || s.state === 0) {
      return 'new';
    }
    return s.state === 2 ? 'review' : 'learning';
  }

  async browse(f: BrowseFilter): Promise<ReviewResults['review.browse']> {
    const catalog = this.review.study.topics().topics;
    const now = this.review.now().getTime();
    const words = (f.query ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
    const rows: BrowsedCard[] = [];
    const docs = new Set<string>();
    for (const c of await this.review.allCards()) {
      const t = this.topicCard(c);
      const topic = c.topicId !== null ? catalog.get(c.topicId) : undefined;
      const docPath = topic?.docPath ?? (c.topicId !== null ? docOf(c.topicId) : null);
      if (docPath !== null && docPath !== '') {
        docs.add(docPath);
      }
      const phase = this.phase(t);
      const isDue = t.active && (t.due === null || Date.parse(t.due) <= now);
      const row: BrowsedCard = { ...t, origin: c.kind === 'user' ? 'own' : 'found', topicId: c.topicId, topicTitle: topic?.title ?? null, docPath, phase, isDue };
      const text = `${row.question}\n${row.answer}\n${row.topicTitle ?? ''}`.toLowerCase();
      if (
        (f.docPath === undefined || docPath === f.docPath) &&
        (f.origin === undefined || row.origin === f.origin) &&
        (f.state === undefined || (f.state === 'due' ? isDue : phase === f.state)) &&
        words.every((w) => text.includes(w))
      ) {
        rows.push(row);
      }
    }
    return { cards: rows.slice(0, f.limit ?? 500), total: rows.length, docs: [...docs].sort() };
  }

  /** Orphaned schedules in docs still in the hub, to put to the learner. */
  async orphans(): Promise<{ orphans: OrphanView[] }> {
    const deck = await this.review.deck();
    const files = this.review.ctx.hub().filePaths();
    const ask = matchOrphans(this.review.db, deck).ask.filter((a) => files.has(docOf(a.orphan.topicId)));
    return {
      orphans: ask.map((a) => ({ ...a.orphan, candidate: a.candidate === null ? null : { id: a.candidate.id, question: a.candidate.question, topicId: a.candidate.topicId }, score: a.score })),
    };
  }

  async relink(fromId: string, toId: string | null): Promise<{ fromId: string; toId: string | null }> {
    const deck = await this.review.deck();
    if (own(this.review.db.review.cards, fromId) === undefined || deck.cards.has(fromId) || (toId !== null && !deck.cards.has(toId))) {
      throw new ApiError('not-found', 'That card is no longer there.');
    }
    const now = this.review.now().toISOString();
    await this.review.save((db) => {
      if (toId !== null) {
        moveSchedule(db, deck, fromId, toId, now);
      } else {
        // Let go: the old schedule is dropped and remembered as dismissed, so it is not asked again.
        db.review.cardStates[fromId] = { ...NO_DECISION, status: 'dismissed', updatedAt: now };
        Reflect.deleteProperty(db.review.cards, fromId);
      }
    });
    return { fromId, toId };
  }
}
