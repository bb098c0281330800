/** Keeping review state in step with the hub: stale topics, and schedules that follow edited cards. */
import type { StudyDb } from '../../core/db/schema';
import { type Orphan, type Rematch, rematch } from '../../core/review/rematch';
import type { ReviewState } from '../../core/review/reviewSchema';
import { type TopicContent, snapshotOf, topicHash } from '../../core/review/stale';
import type { Deck } from './deck';
import type { ReviewService } from './reviewService';

/**
 * The changes that bring snapshots up to date: done topics without one (done before review
 * existed, or synced) get one; done topics whose text changed are flagged once per change and
 * their cards come due again.
 */
export function staleFlags(db: StudyDb, contents: ReadonlyMap<string, TopicContent>, now: string): Array<(r: ReviewState) => void> {
  const todo: Array<(r: ReviewState) => void> = [];
  for (const [topicId, p] of Object.entries(db.progress)) {
    const snap = db.review.snapshots[topicId];
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
  return todo;
}

/** Schedules of found cards that are no longer in the deck (and were not let go). */
function orphans(db: StudyDb, deck: Deck): Orphan[] {
  return Object.entries(db.review.cards)
    .filter(([id]) => !id.startsWith('user:') && !deck.cards.has(id) && db.review.cardStates[id]?.status !== 'dismissed')
    .map(([id, s]) => ({ id, topicId: s.topicId, question: s.question }));
}

/** How the orphaned schedules of `db` match the unscheduled cards of `deck`. */
export function matchOrphans(db: StudyDb, deck: Deck): Rematch {
  const unscheduled = [...deck.cards.values()].filter((c) => db.review.cards[c.id] === undefined);
  return rematch(orphans(db, deck), unscheduled);
}

/**
 * Moves the schedule (and decision) of `from` to the card `to`. The old id is marked dismissed,
 * so a device that still has it does not bring it back as an orphan.
 */
export function moveSchedule(db: StudyDb, deck: Deck, from: string, to: string, now: string): void {
  const s = db.review.cards[from];
  const card = deck.cards.get(to);
  if (s === undefined || card === undefined) {
    return;
  }
  db.review.cards[to] = { ...s, topicId: card.topicId ?? s.topicId, question: card.question, changedAt: now };
  const st = db.review.cardStates[from];
  db.review.cardStates[to] = { status: 'suggested', question: null, answer: null, suspended: false, leech: false, ...st, updatedAt: now };
  db.review.cardStates[from] = { status: 'dismissed', question: null, answer: null, suspended: false, leech: false, updatedAt: now };
  Reflect.deleteProperty(db.review.cards, from);
}

/** After a deck is built: schedules whose card was edited a little, moved or renamed follow it. */
export async function reconcileDeck(review: ReviewService, deck: Deck): Promise<void> {
  const { moves } = matchOrphans(review.db, deck);
  if (moves.length === 0) {
    return;
  }
  const now = review.now().toISOString();
  await review.save((db) => moves.forEach((m) => moveSchedule(db, deck, m.from, m.to, now)));
  review.ctx.logger.info('review: schedules followed their edited cards', { moved: moves.length });
}
