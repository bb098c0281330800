/** The review domain over the study database: due cards, grading, user cards, stats, stale topics. */
import { randomUUID } from 'node:crypto';
import type { DueCard, ReviewResults, ReviewStats, StaleTopicView, TopicCard } from '../../core/api/reviewApi';
import { ApiError } from '../../core/api/result';
import type { ProgressEntry, StudyDb } from '../../core/db/schema';
import { renderDescription } from '../../core/openapi/markdown';
import { userCardId } from '../../core/review/cardId';
import { mergeReview } from '../../core/review/merge';
import type { CardSchedule, ReviewState, UserCard } from '../../core/review/reviewSchema';
import { type ReviewGrade, gradeCard, newSchedule, previewDue } from '../../core/review/schedule';
import { type TopicContent, findStale, snapshotOf, textDiff, topicHash } from '../../core/review/stale';
import { isDue, retentionDays, reviewStreak, weakTopics } from '../../core/review/stats';
import type { ReviewCard } from '../../core/review/types';
import { localDay } from '../../core/study/activity';
import type { BackendContext } from '../context';
import { SaveFailedError } from '../store/studyStore';
import type { StudyService } from '../study/studyService';
import { type Deck, buildDeck, topicContents } from './deck';

const MAX_LOG = 20_000;
const EMPTY_HAST = { type: 'root' as const, children: [] };

const userCardOf = (u: UserCard): ReviewCard => ({ id: userCardId(u.id), topicId: u.topicId, kind: 'user', question: u.question, answer: u.answer });

/** Review mode. Create with `new ReviewService(ctx, study)`; it hooks into progress changes. */
export class ReviewService {
  private deckPromise: Promise<Deck> | null = null;
  private contentsCache: Map<string, TopicContent> | null = null;

  constructor(
    private readonly ctx: BackendContext,
    private readonly study: StudyService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    study.stateHooks.push((db, topicId, entry) => this.onState(db, topicId, entry));
    ctx.onHubChanged(() => {
      this.deckPromise = null;
      this.contentsCache = null;
      void this.refreshStale().catch((e: unknown) => ctx.logger.warn('review: stale check failed', { error: String(e) }));
    });
  }

  /** One durable write; a failed save is an `io` error the UI shows (rolled back, never written later). */
  private async save<T>(mutate: (db: StudyDb) => T): Promise<T> {
    try {
      return await this.study.store.update(mutate);
    } catch (e) {
      throw e instanceof SaveFailedError ? new ApiError('io', e.message) : e;
    }
  }

  private get db(): StudyDb {
    return this.study.store.data;
  }

  private contents(): Map<string, TopicContent> {
    this.contentsCache ??= topicContents(this.ctx.hub());
    return this.contentsCache;
  }

  /** The hub's cards (built on first use after a hub opens). */
  deck(): Promise<Deck> {
    this.deckPromise ??= buildDeck(this.ctx.hub(), this.ctx.logger);
    return this.deckPromise;
  }

  /** Inside the progress write: a topic marked done keeps its current text. */
  private onState(db: StudyDb, topicId: string, entry: ProgressEntry): void {
    const content = this.contents().get(topicId);
    if (entry.state === 'done' && content !== undefined) {
      db.review.snapshots[topicId] = snapshotOf(content, entry.updatedAt);
    }
  }

  /**
   * Done topics without a snapshot (done before review existed, or synced) get one now; done topics
   * whose text changed are flagged once per change and their cards come due again.
   */
  async refreshStale(): Promise<void> {
    const now = this.clock().toISOString();
    const contents = this.contents();
    const todo: Array<(r: ReviewState) => void> = [];
    for (const [topicId, p] of Object.entries(this.db.progress)) {
      const snap = this.db.review.snapshots[topicId];
      const content = contents.get(topicId);
      if (p.state !== 'done' || content === undefined) {
        continue;
      }
      if (snap === undefined) {
        todo.push((r) => (r.snapshots[topicId] = snapshotOf(content, p.doneAt ?? now)));
        continue;
      }
      const hash = topicHash(content.text);
      if (hash !== snap.hash && snap.flaggedHash !== hash) {
        todo.push((r) => {
          r.snapshots[topicId] = { ...snap, flaggedHash: hash };
          for (const c of Object.values(r.cards)) {
            if (c.topicId === topicId) {
              c.due = now;
            }
          }
        });
      }
    }
    if (todo.length > 0) {
      await this.save((db) => todo.forEach((f) => f(db.review)));
    }
  }

  private staleIds(): Set<string> {
    return new Set(findStale(this.db.review.snapshots, this.db.progress, this.contents()).filter((s) => s.status === 'changed').map((s) => s.topicId));
  }

  /** Cards the learner studies: those of done topics, plus their own cards. */
  private async activeCards(): Promise<ReviewCard[]> {
    const deck = await this.deck();
    const out: ReviewCard[] = [];
    for (const doc of this.study.topics().docs) {
      for (const id of doc.topicIds) {
        if (this.db.progress[id]?.state === 'done') {
          out.push(...(deck.byTopic.get(id) ?? []));
        }
      }
    }
    out.push(...this.db.review.userCards.filter((u) => !u.deleted).map(userCardOf));
    return out;
  }

  private render(markdown: string, docPath: string | null): DueCard['questionHast'] {
    return renderDescription(markdown, docPath ?? '', this.ctx.hub().filePaths()) ?? EMPTY_HAST;
  }

  private dueList(cards: readonly ReviewCard[], now: Date): ReviewCard[] {
    const due = cards.filter((c) => isDue(this.db.review.cards[c.id], now));
    // Cards seen before come first, most overdue first; new cards follow in hub order.
    const seen = due.filter((c) => this.db.review.cards[c.id] !== undefined).sort((a, b) => ((this.db.review.cards[a.id]?.due ?? '') < (this.db.review.cards[b.id]?.due ?? '') ? -1 : 1));
    return [...seen, ...due.filter((c) => this.db.review.cards[c.id] === undefined)];
  }

  async due(limit = 20): Promise<ReviewResults['review.due']> {
    await this.refreshStale();
    const now = this.clock();
    const active = await this.activeCards();
    const due = this.dueList(active, now);
    const stale = this.staleIds();
    const catalog = this.study.topics().topics;
    const cards = due.slice(0, limit).map((c): DueCard => {
      const topic = c.topicId !== null ? catalog.get(c.topicId) : undefined;
      const schedule = this.db.review.cards[c.id] ?? newSchedule(c.topicId ?? '', c.question, now);
      const p = previewDue(schedule, now);
      return {
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
      };
    });
    const upcoming = active.map((c) => this.db.review.cards[c.id]?.due).filter((d): d is string => d !== undefined && d > now.toISOString());
    return { cards, total: due.length, nextDue: upcoming.sort()[0] ?? null };
  }

  private async findCard(cardId: string): Promise<ReviewCard | null> {
    const user = this.db.review.userCards.find((u) => userCardId(u.id) === cardId && !u.deleted);
    return user !== undefined ? userCardOf(user) : ((await this.deck()).cards.get(cardId) ?? null);
  }

  async grade(cardId: string, grade: ReviewGrade): Promise<ReviewResults['review.grade']> {
    const card = await this.findCard(cardId);
    const existing = this.db.review.cards[cardId];
    if (card === null && existing === undefined) {
      throw new ApiError('not-found', 'This card no longer exists in the hub.');
    }
    const now = this.clock();
    const schedule: CardSchedule = existing ?? newSchedule(card?.topicId ?? '', card?.question ?? '', now);
    const next = gradeCard(cardId, { ...schedule, question: card?.question ?? schedule.question }, grade, now);
    await this.save((db) => {
      db.review.cards[cardId] = next.schedule;
      db.review.log = [...db.review.log, next.log].slice(-MAX_LOG);
    });
    const remaining = this.dueList(await this.activeCards(), now).length;
    return { cardId, due: next.schedule.due, scheduledDays: next.schedule.scheduledDays, remaining };
  }

  async topicCards(topicId: string): Promise<ReviewResults['review.cards']> {
    const deck = await this.deck();
    const users = this.db.review.userCards.filter((u) => !u.deleted && u.topicId === topicId);
    const cards = [...(deck.byTopic.get(topicId) ?? []), ...users.map(userCardOf)].map((c): TopicCard => {
      const s = this.db.review.cards[c.id];
      const user = c.kind === 'user' ? c.id.slice('user:'.length) : null;
      return { id: c.id, kind: c.kind, question: c.question, due: s?.due ?? null, reps: s?.reps ?? 0, lapses: s?.lapses ?? 0, userCardId: user };
    });
    return { cards, skipped: deck.skipped.filter((s) => s.topicId === topicId) };
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
      db.review.userCards = db.review.userCards.map((u) => (u.id === id ? { ...u, deleted: true, updatedAt: now } : u));
      return { deleted: true };
    });
  }

  async stats(): Promise<ReviewStats> {
    await this.refreshStale();
    const now = this.clock();
    const today = localDay(now);
    const active = await this.activeCards();
    const due = this.dueList(active, now);
    const catalog = this.study.topics().topics;
    const weak = weakTopics(this.db.review.cards, this.db.review.log)
      .filter((w) => w.topicId !== '')
      .map((w) => {
        const t = catalog.get(w.topicId);
        return { ...w, title: t?.title ?? this.db.review.snapshots[w.topicId]?.title ?? w.topicId, docPath: t?.docPath ?? w.topicId.split('#')[0] ?? '', exists: t !== undefined };
      });
    return {
      dueToday: due.length,
      newCards: due.filter((c) => this.db.review.cards[c.id] === undefined).length,
      totalCards: active.length,
      streak: reviewStreak(this.db.review.log, today),
      retention: retentionDays(this.db.review.log, today),
      weakTopics: weak,
      staleCount: findStale(this.db.review.snapshots, this.db.progress, this.contents()).length,
      today,
    };
  }

  async stale(): Promise<{ topics: StaleTopicView[] }> {
    await this.refreshStale();
    const topics = findStale(this.db.review.snapshots, this.db.progress, this.contents()).map((s) => ({ ...s, docPath: this.study.topics().topics.get(s.topicId)?.docPath ?? s.topicId.split('#')[0] ?? '' }));
    return { topics };
  }

  diff(topicId: string): ReviewResults['review.diff'] {
    const snap = this.db.review.snapshots[topicId];
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

  /** Merges a remote review state into the database (per card by last review time). */
  async mergeRemote(remote: ReviewState): Promise<void> {
    await this.save((db) => {
      db.review = mergeReview(db.review, remote);
    });
  }
}
