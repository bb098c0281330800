/** The review domain over the study database: due cards, grading, undo, user cards, stats, stale topics. */
import { randomUUID } from 'node:crypto';
import type { DueCard, ReviewResults, ReviewStats, StaleTopicView } from '../../core/api/reviewApi';
import { ApiError } from '../../core/api/result';
import type { ProgressEntry, StudyDb } from '../../core/db/schema';
import { renderDescription } from '../../core/openapi/markdown';
import { userCardId } from '../../core/review/cardId';
import { LEECH_LAPSES, needsReview } from '../../core/review/memory';
import { mergeReview } from '../../core/review/merge';
import { buildQueue, dueForecast } from '../../core/review/queue';
import { type CardSchedule, type CardState, MAX_UNDO, type ReviewSettings, type ReviewState, type UndoEntry, type UserCard } from '../../core/review/reviewSchema';
import { type ReviewGrade, gradeCard, newSchedule, previewDue, recallProbability } from '../../core/review/schedule';
import { type TopicContent, findStale, snapshotOf, textDiff } from '../../core/review/stale';
import { retentionDays, reviewStreak, weakTopics } from '../../core/review/stats';
import type { ReviewCard } from '../../core/review/types';
import { localDay } from '../../core/study/activity';
import type { BackendContext } from '../context';
import { SaveFailedError } from '../store/studyStore';
import type { StudyService } from '../study/studyService';
import { type Deck, buildDeck, topicContents } from './deck';
import { reconcileDeck, staleFlags } from './reconcile';

const MAX_LOG = 20_000;
const EMPTY_HAST = { type: 'root' as const, children: [] };

/** A card state before any decision. */
export const NO_DECISION: Omit<CardState, 'updatedAt'> = { status: 'suggested', question: null, answer: null, suspended: false, leech: false };

/** `record[key]` when `key` is the record's own (a caller's `__proto__` is no card, not a prototype). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

const userCardOf = (u: UserCard): ReviewCard => ({ id: userCardId(u.id), topicId: u.topicId, kind: 'user', question: u.question, answer: u.answer });

/** Review mode. Create with `new ReviewService(ctx, study)`; it hooks into progress changes. */
export class ReviewService {
  private deckPromise: Promise<Deck> | null = null;
  private contentsCache: Map<string, TopicContent> | null = null;

  constructor(
    readonly ctx: BackendContext,
    readonly study: StudyService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    study.stateHooks.push((db, topicId, entry) => this.onState(db, topicId, entry));
    ctx.onHubChanged(() => {
      this.deckPromise = null;
      this.contentsCache = null;
      void this.refreshStale().catch((e: unknown) => ctx.logger.warn('review: stale check failed', { error: String(e) }));
    });
  }

  /** The time now (injectable for tests). */
  now(): Date {
    return this.clock();
  }

  /** One durable write; a failed save is an `io` error the UI shows (rolled back, never written later). */
  async save<T>(mutate: (db: StudyDb) => T): Promise<T> {
    try {
      return await this.study.store.update(mutate);
    } catch (e) {
      throw e instanceof SaveFailedError ? new ApiError('io', e.message) : e;
    }
  }

  /** The database as last saved (read only: change it through `save`). */
  get db(): StudyDb {
    return this.study.store.data;
  }

  contents(): Map<string, TopicContent> {
    this.contentsCache ??= topicContents(this.ctx.hub());
    return this.contentsCache;
  }

  /** The hub's cards (built on first use after a hub opens; schedules of edited cards follow them). */
  deck(): Promise<Deck> {
    this.deckPromise ??= buildDeck(this.ctx.hub(), this.ctx.logger).then(async (deck) => {
      await reconcileDeck(this, deck);
      return deck;
    });
    return this.deckPromise;
  }

  /** Inside the progress write: a topic marked done keeps its current text. */
  private onState(db: StudyDb, topicId: string, entry: ProgressEntry): void {
    const content = this.contents().get(topicId);
    if (entry.state === 'done' && content !== undefined) {
      db.review.snapshots[topicId] = snapshotOf(content, entry.updatedAt);
    }
  }

  /** Snapshots for done topics without one; changed done topics flagged once and their cards due again. */
  async refreshStale(): Promise<void> {
    const todo = staleFlags(this.db, this.contents(), this.clock().toISOString());
    if (todo.length > 0) {
      await this.save((db) => todo.forEach((f) => f(db.review)));
    }
  }

  private staleIds(): Set<string> {
    return new Set(findStale(this.db.review.snapshots, this.db.progress, this.contents()).filter((s) => s.status === 'changed').map((s) => s.topicId));
  }

  /** The card with the learner's text (an edited found card shows the edit). */
  textOf(c: ReviewCard): ReviewCard {
    const st = this.db.review.cardStates[c.id];
    return st === undefined ? c : { ...c, question: st.question ?? c.question, answer: st.answer ?? c.answer };
  }

  /**
   * Offered in review: own cards, and found cards accepted or of a topic marked done (found cards
   * of done topics are accepted unless dismissed, see README "Review mode"); never when suspended.
   */
  isActive(c: ReviewCard): boolean {
    const st = this.db.review.cardStates[c.id];
    if (st?.suspended === true) {
      return false;
    }
    if (c.kind === 'user') {
      return true;
    }
    if (st?.status === 'dismissed') {
      return false;
    }
    return st?.status === 'accepted' || (c.topicId !== null && this.db.progress[c.topicId]?.state === 'done');
  }

  /** Every card: the hub's in hub order, then the learner's. */
  async allCards(): Promise<ReviewCard[]> {
    const deck = await this.deck();
    return [...deck.cards.values(), ...this.db.review.userCards.filter((u) => !u.deleted).map(userCardOf)];
  }

  private async activeCards(): Promise<ReviewCard[]> {
    return (await this.allCards()).filter((c) => this.isActive(c)).map((c) => this.textOf(c));
  }

  private render(markdown: string, docPath: string | null): DueCard['questionHast'] {
    return renderDescription(markdown, docPath ?? '', this.ctx.hub().filePaths()) ?? EMPTY_HAST;
  }

  /** The queue under today's limits, or one topic's due and fading cards without limits. */
  private queue(active: readonly ReviewCard[], now: Date, topicId?: string): { ids: string[]; limited: number } {
    const r = this.db.review;
    if (topicId !== undefined) {
      const ids = active
        .filter((c) => c.topicId === topicId)
        .filter((c) => {
          const s = r.cards[c.id];
          return s === undefined || s.state === 0 || Date.parse(s.due) <= now.getTime() || recallProbability(s, now) < r.settings.retention;
        })
        .map((c) => c.id);
      return { ids, limited: 0 };
    }
    const q = buildQueue(
      active.map((c) => c.id),
      r.cards,
      r.settings,
      r.log,
      now,
    );
    return { ids: q.queue, limited: q.limited };
  }

  async due(limit = 20, topicId?: string): Promise<ReviewResults['review.due']> {
    await this.refreshStale();
    const now = this.clock();
    const active = await this.activeCards();
    const byId = new Map(active.map((c) => [c.id, c]));
    const { ids, limited } = this.queue(active, now, topicId);
    const stale = this.staleIds();
    const catalog = this.study.topics().topics;
    const retention = this.db.review.settings.retention;
    const cards = ids.slice(0, limit).flatMap((id): DueCard[] => {
      const c = byId.get(id);
      if (c === undefined) {
        return [];
      }
      const topic = c.topicId !== null ? catalog.get(c.topicId) : undefined;
      const schedule = this.db.review.cards[c.id] ?? newSchedule(c.topicId ?? '', c.question, now);
      const p = previewDue(schedule, now, retention);
      return [
        {
          id: c.id,
          kind: c.kind,
          topicId: c.topicId,
          topicTitle: topic?.title ?? null,
          docPath: topic?.docPath ?? null,
          questionHast: this.render(c.question, topic?.docPath ?? null),
          answerHast: this.render(c.answer, topic?.docPath ?? null),
          stale: c.topicId !== null && stale.has(c.topicId),
          state: schedule.state,
          preview: { '1': p[1], '2': p[2], '3': p[3], '4': p[4] },
        },
      ];
    });
    const upcoming = active.map((c) => this.db.review.cards[c.id]?.due).filter((d): d is string => d !== undefined && d > now.toISOString());
    return { cards, total: ids.length, nextDue: upcoming.sort()[0] ?? null, limited };
  }

  /** The card `cardId` names, with the learner's text, or null when it is gone. */
  async findCard(cardId: string): Promise<ReviewCard | null> {
    const user = this.db.review.userCards.find((u) => userCardId(u.id) === cardId && !u.deleted);
    const found = user !== undefined ? userCardOf(user) : ((await this.deck()).cards.get(cardId) ?? null);
    return found === null ? null : this.textOf(found);
  }

  /** What undo needs to put `cardId` back as it is now (call inside `save`, before changing it). */
  undoStep(db: StudyDb, label: string, cardId: string, logAt: string | null = null): void {
    const userCard = db.review.userCards.find((u) => userCardId(u.id) === cardId) ?? null;
    const entry: UndoEntry = { label, at: this.clock().toISOString(), cardId, schedule: db.review.cards[cardId] ?? null, cardState: db.review.cardStates[cardId] ?? null, userCard, logAt };
    db.review.undo = [...db.review.undo, entry].slice(-MAX_UNDO);
  }

  async grade(cardId: string, grade: ReviewGrade): Promise<ReviewResults['review.grade']> {
    const card = await this.findCard(cardId);
    const existing = own(this.db.review.cards, cardId);
    if (card === null && existing === undefined) {
      throw new ApiError('not-found', 'This card no longer exists in the hub.');
    }
    const now = this.clock();
    const schedule: CardSchedule = existing ?? newSchedule(card?.topicId ?? '', card?.question ?? '', now);
    const next = gradeCard(cardId, { ...schedule, question: card?.question ?? schedule.question }, grade, now, this.db.review.settings.retention);
    const state = own(this.db.review.cardStates, cardId);
    const leech = next.schedule.lapses >= LEECH_LAPSES && state?.leech !== true;
    await this.save((db) => {
      this.undoStep(db, 'answer', cardId, next.log.at);
      db.review.cards[cardId] = next.schedule;
      db.review.log = [...db.review.log, next.log].slice(-MAX_LOG);
      if (leech) {
        db.review.cardStates[cardId] = { ...NO_DECISION, ...state, suspended: true, leech: true, updatedAt: now.toISOString() };
      }
    });
    const remaining = this.queue(await this.activeCards(), now).ids.length;
    return { cardId, due: next.schedule.due, scheduledDays: next.schedule.scheduledDays, remaining, leech };
  }

  /** Takes back the newest undo step: schedule, decision, user card and the grading it added. */
  async undo(): Promise<ReviewResults['review.undo']> {
    const now = this.clock().toISOString();
    return this.save((db) => {
      const e = db.review.undo.at(-1);
      if (e === undefined) {
        return { undone: null, cardId: null };
      }
      db.review.undo = db.review.undo.slice(0, -1);
      const current = db.review.cards[e.cardId];
      // A schedule that did not exist comes back as a new card, so a sync cannot bring the grade back.
      const schedule = e.schedule ?? (current !== undefined ? newSchedule(current.topicId, current.question, new Date(now)) : undefined);
      if (schedule !== undefined) {
        db.review.cards[e.cardId] = { ...schedule, changedAt: now };
      }
      if (e.cardState !== null || db.review.cardStates[e.cardId] !== undefined) {
        db.review.cardStates[e.cardId] = { ...NO_DECISION, ...e.cardState, updatedAt: now };
      }
      const user = e.userCard;
      if (user !== null) {
        db.review.userCards = db.review.userCards.map((u) => (u.id === user.id ? { ...user, updatedAt: now } : u));
      }
      if (e.logAt !== null) {
        db.review.log = db.review.log.map((l) => (l.cardId === e.cardId && l.at === e.logAt ? { ...l, undone: true } : l));
      }
      return { undone: e.label, cardId: e.cardId };
    });
  }

  async createCard(input: { topicId: string | null; question: string; answer: string; source: UserCard['source']; noteId?: string | null | undefined }): Promise<UserCard> {
    const now = this.clock().toISOString();
    const card: UserCard = { id: randomUUID(), topicId: input.topicId, question: input.question.trim(), answer: input.answer, source: input.source, noteId: input.noteId ?? null, createdAt: now, updatedAt: now, deleted: false };
    await this.save((db) => {
      db.review.userCards = [...db.review.userCards, card];
    });
    return card;
  }

  async deleteCard(id: string): Promise<{ deleted: boolean }> {
    const now = this.clock().toISOString();
    return this.save((db) => {
      const card = db.review.userCards.find((u) => u.id === id && !u.deleted);
      if (card === undefined) {
        return { deleted: false };
      }
      this.undoStep(db, 'delete', userCardId(id));
      db.review.userCards = db.review.userCards.map((u) => (u.id === id ? { ...u, deleted: true, updatedAt: now } : u));
      return { deleted: true };
    });
  }

  settings(): ReviewSettings {
    return this.db.review.settings;
  }

  async setSettings(change: Partial<Omit<ReviewSettings, 'updatedAt'>>): Promise<ReviewSettings> {
    const now = this.clock().toISOString();
    return this.save((db) => {
      const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      db.review.settings = { ...db.review.settings, ...defined, updatedAt: now };
      return db.review.settings;
    });
  }

  async stats(): Promise<ReviewStats> {
    await this.refreshStale();
    const now = this.clock();
    const today = localDay(now);
    const active = await this.activeCards();
    const { ids, limited } = this.queue(active, now);
    const r = this.db.review;
    const catalog = this.study.topics().topics;
    const place = (topicId: string): { title: string; docPath: string; exists: boolean } => {
      const t = catalog.get(topicId);
      return { title: t?.title ?? r.snapshots[topicId]?.title ?? topicId, docPath: t?.docPath ?? topicId.split('#')[0] ?? '', exists: t !== undefined };
    };
    const weak = weakTopics(r.cards, r.log)
      .filter((w) => w.topicId !== '')
      .map((w) => ({ ...w, ...place(w.topicId) }));
    const cardsOf = new Map<string, string[]>();
    for (const c of await this.allCards()) {
      if (c.topicId !== null && this.db.progress[c.topicId]?.state === 'done' && r.cardStates[c.id]?.status !== 'dismissed') {
        cardsOf.set(c.topicId, [...(cardsOf.get(c.topicId) ?? []), c.id]);
      }
    }
    const activeSchedules = active.map((c) => r.cards[c.id]).filter((s): s is CardSchedule => s !== undefined);
    return {
      dueToday: ids.length,
      newCards: ids.filter((id) => (r.cards[id]?.state ?? 0) === 0).length,
      totalCards: active.length,
      streak: reviewStreak(r.log, today),
      retention: retentionDays(r.log, today),
      weakTopics: weak,
      staleCount: findStale(r.snapshots, this.db.progress, this.contents()).length,
      today,
      limited,
      forecast: dueForecast(activeSchedules, now),
      needsReview: needsReview(cardsOf, r.cards, r.cardStates, now).map((m) => {
        const p = place(m.topicId);
        return { ...m, title: p.title, docPath: p.docPath };
      }),
      settings: r.settings,
    };
  }

  async stale(): Promise<{ topics: StaleTopicView[] }> {
    await this.refreshStale();
    const topics = findStale(this.db.review.snapshots, this.db.progress, this.contents()).map((s) => ({ ...s, docPath: this.study.topics().topics.get(s.topicId)?.docPath ?? s.topicId.split('#')[0] ?? '' }));
    return { topics };
  }

  diff(topicId: string): ReviewResults['review.diff'] {
    // Own keys only: `__proto__` or `constructor` is no topic, not a crash.
    const snap = Object.hasOwn(this.db.review.snapshots, topicId) ? this.db.review.snapshots[topicId] : undefined;
    if (snap === undefined) {
      throw new ApiError('not-found', 'There is no finished version of this topic to compare with.');
    }
    const now = this.contents().get(topicId);
    return { topicId, title: now?.title ?? snap.title, doneAt: snap.at, status: now === undefined ? 'orphaned' : 'changed', parts: textDiff(snap.text, now?.text ?? '') };
  }

  async acceptChange(topicId: string): Promise<{ topicId: string; hash: string }> {
    const content = this.contents().get(topicId);
    if (content === undefined) {
      throw new ApiError('not-found', 'This topic is no longer in the hub.');
    }
    const snap = snapshotOf(content, this.clock().toISOString());
    await this.save((db) => {
      db.review.snapshots[topicId] = snap;
    });
    return { topicId, hash: snap.hash };
  }

  /** The review state as a JSON-serialisable value (the sync writes it as `review.json`). */
  exportState(): ReviewState {
    return structuredClone(this.db.review);
  }

  /** Merges a remote review state into the database (per card by last change). */
  async mergeRemote(remote: ReviewState): Promise<void> {
    await this.save((db) => {
      db.review = mergeReview(db.review, remote);
    });
  }
}
