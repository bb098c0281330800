/**
 * Scheduling with FSRS (the Free Spaced Repetition Scheduler, FSRS-6 via ts-fsrs) at its published
 * default parameters. Day-based: no same-day learning steps, so every grade moves a card to a later
 * day, and no interval fuzz, so two machines compute the same schedule for the same history.
 */
import { type Card, type Grade, Rating, createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs';
import type { CardSchedule, ReviewLogEntry } from './reviewSchema';

/** A learner's grade: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type ReviewGrade = 1 | 2 | 3 | 4;

/** The parameters in use (FSRS-6 defaults, 90% target retention). */
export const schedulerParameters = generatorParameters({ enable_short_term: false, enable_fuzz: false });

const schedulers = new Map<number, ReturnType<typeof fsrs>>();

/** The scheduler for a desired retention (0.7-0.99; default 0.9). */
function schedulerFor(retention = 0.9): ReturnType<typeof fsrs> {
  let s = schedulers.get(retention);
  if (s === undefined) {
    s = fsrs({ ...schedulerParameters, request_retention: retention });
    schedulers.set(retention, s);
  }
  return s;
}

const GRADES: Record<ReviewGrade, Grade> = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy };

/** A card that was never reviewed, due at `now`. */
export function newSchedule(topicId: string, question: string, now: Date): CardSchedule {
  return fromFsrs(createEmptyCard(now), topicId, question);
}

/** Longest question a schedule keeps (the database schema's bound: a longer one would make the file unreadable). */
const MAX_SCHEDULE_QUESTION = 10_000;

function fromFsrs(c: Card, topicId: string, question: string): CardSchedule {
  return {
    topicId,
    question: question.slice(0, MAX_SCHEDULE_QUESTION),
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review?.toISOString() ?? null,
    changedAt: null,
  };
}

function toFsrs(s: CardSchedule): Card {
  const card: Card = {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
  };
  if (s.lastReview !== null) {
    card.last_review = new Date(s.lastReview);
  }
  return card;
}

/** Grades a card at `now` (for a desired `retention`): its next schedule and the history entry to keep. */
export function gradeCard(cardId: string, schedule: CardSchedule, grade: ReviewGrade, now: Date, retention = 0.9): { schedule: CardSchedule; log: ReviewLogEntry } {
  const result = schedulerFor(retention).next(toFsrs(schedule), now, GRADES[grade]);
  return {
    schedule: fromFsrs(result.card, schedule.topicId, schedule.question),
    log: { cardId, topicId: schedule.topicId, rating: grade, at: now.toISOString(), state: schedule.state, undone: false },
  };
}

/**
 * True when FSRS can work with `schedule`: its dates parse and its memory state is one FSRS
 * accepts (a new card's zeros, or difficulty >= 1 and stability >= 0.001). A schedule from
 * another machine that is not is dropped, so one bad entry cannot break every review call.
 */
export function usableSchedule(schedule: CardSchedule): boolean {
  if (!Number.isFinite(Date.parse(schedule.due)) || (schedule.lastReview !== null && !Number.isFinite(Date.parse(schedule.lastReview)))) {
    return false;
  }
  try {
    const at = new Date(schedule.due);
    previewDue(schedule, at);
    recallProbability(schedule, at);
    return true;
  } catch {
    return false;
  }
}

/** The due date each grade would give, for the grade buttons. */
export function previewDue(schedule: CardSchedule, now: Date, retention = 0.9): Record<ReviewGrade, string> {
  const preview = schedulerFor(retention).repeat(toFsrs(schedule), now);
  return {
    1: preview[Rating.Again].card.due.toISOString(),
    2: preview[Rating.Hard].card.due.toISOString(),
    3: preview[Rating.Good].card.due.toISOString(),
    4: preview[Rating.Easy].card.due.toISOString(),
  };
}

/** Probability (0..1) of recalling the card at `now`, per FSRS's forgetting curve. */
export function recallProbability(schedule: CardSchedule, now: Date): number {
  return schedule.state === 0 ? 0 : schedulerFor().get_retrievability(toFsrs(schedule), now, false);
}
