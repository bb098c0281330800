/**
 * Hostile use of review mode through the dispatch layer: prototype keys as ids, out-of-range
 * settings, empty edits, undo chains, zero limits, hub edits under done topics, huge found cards,
 * scripts in hub markdown, and a review.json from another machine full of junk.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../src/backend/createBackend';
import { silentLogger } from '../../../src/backend/logger';
import { ReviewService } from '../../../src/backend/review/reviewService';
import { dispatch } from '../../../src/core/api/dispatch';
import type { ApiResult } from '../../../src/core/api/result';
import { type World, git, world } from '../sync/syncHarness';

const root = path.resolve(import.meta.dirname, '../../..');
const bundledHub = path.join(root, 'resources/hub');
const DOC = `# Notes

## Caching

**Q:** What does a CDN cache?
**A:** Static assets close to the user.

Q: Why set a TTL?
A: So stale entries expire.

## Security

<details><summary>What is <b>XSS</b>?</summary>

<script>window.pwned = 1</script><img src=x onerror="window.pwned=2"> Script injected into a page.

</details>
`;
const CACHING = 'docs/n.md#caching';

let base: string;
let hubRoot: string;
let dataDir: string;
let backend: Backend | null = null;

async function start(): Promise<Backend> {
  backend = await createBackend({ bundledHub, hubRoot, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null });
  return backend;
}
async function restart(): Promise<Backend> {
  await backend?.close();
  return start();
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'nexus-review-hostile-'));
  hubRoot = path.join(base, 'hub');
  dataDir = path.join(base, 'data');
  await mkdir(path.join(hubRoot, 'docs'), { recursive: true });
  await writeFile(path.join(hubRoot, 'docs/n.md'), DOC);
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  await rm(base, { recursive: true, force: true });
});

const call = (b: Backend, method: string, args: unknown): Promise<ApiResult<unknown>> => dispatch(b.api, method, args);
const value = async <T>(p: Promise<ApiResult<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) {
    throw new Error(`${r.error.code}: ${r.error.message}`);
  }
  return r.value as T;
};

describe('prototype keys through every review method', () => {
  it('__proto__, constructor, toString and hasOwnProperty as card and topic ids are never internal errors, and pollute nothing', async () => {
    const b = await start();
    const before = await value<{ total: number }>(call(b, 'review.browse', {}));
    const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'user:__proto__', 'user:constructor', `${CACHING}::__proto__`];
    for (const k of keys) {
      const calls: Array<[string, unknown]> = [
        ['review.due', { topicId: k }],
        ['review.grade', { cardId: k, grade: 3 }],
        ['review.cards', { topicId: k }],
        ['review.decide', { cardIds: [k], status: 'accepted' }],
        ['review.decide', { cardIds: [k], status: 'dismissed' }],
        ['review.editCard', { cardId: k, question: 'Q?', answer: 'A' }],
        ['review.suspend', { cardId: k, suspended: true }],
        ['review.suspend', { cardId: k, suspended: false }],
        ['review.resetCard', { cardId: k }],
        ['review.relink', { fromId: k, toId: null }],
        ['review.relink', { fromId: k, toId: k }],
        ['review.createCard', { topicId: k, question: 'Own?', answer: 'yes', source: 'manual' }],
        ['review.deleteCard', { id: k }],
        ['review.diff', { topicId: k }],
        ['review.acceptChange', { topicId: k }],
        ['review.browse', { query: k, docPath: k }],
        ['review.undo', {}],
        ['review.stats', {}],
        ['review.stale', {}],
        ['review.orphans', {}],
        ['review.settings', {}],
      ];
      for (const [method, args] of calls) {
        const r = await call(b, method, args);
        if (!r.ok) {
          expect(r.error.code, `${method} ${k}: ${r.error.message}`).not.toBe('internal');
        }
      }
    }
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(({} as Record<string, unknown>).suspended).toBeUndefined();
    expect(({} as Record<string, unknown>).due).toBeUndefined();
    // Own cards made with odd topic ids are real cards; every found card is still there.
    const after = await value<{ total: number }>(call(b, 'review.browse', { origin: 'found' }));
    expect(after.total).toBe(before.total);
    const db = JSON.parse(await readFile(path.join(dataDir, 'study.json'), 'utf8')) as { review: { cards: object; cardStates: object; snapshots: object } };
    for (const rec of [db.review.cards, db.review.cardStates, db.review.snapshots]) {
      expect(Object.getPrototypeOf(rec)).toBe(Object.prototype);
      expect(Object.keys(rec).filter((k) => !k.includes('::') && !k.startsWith('user:'))).toEqual([]);
    }
    // The database still loads.
    const b2 = await restart();
    expect(b2.context).toBeDefined();
    expect((await value<{ total: number }>(call(b2, 'review.browse', { origin: 'found' }))).total).toBe(before.total);
  });

  it('bad argument shapes are bad requests', async () => {
    const b = await start();
    const bad: Array<[string, unknown]> = [
      ['review.grade', { cardId: 'x', grade: 5 }],
      ['review.grade', { cardId: '', grade: 3 }],
      ['review.decide', { cardIds: [], status: 'accepted' }],
      ['review.decide', { cardIds: ['x'], status: 'suspended' }],
      ['review.due', { limit: 0 }],
      ['review.due', { limit: 1e9 }],
      ['review.browse', { state: '__proto__' }],
      ['review.createCard', { topicId: null, question: '   ', answer: 'a', source: 'manual' }],
      ['review.grade', { cardId: 'x', grade: 3, __proto__: { admin: true } }],
      ['review.setSettings', { constructor: 1 }],
    ];
    for (const [method, args] of bad) {
      const r = await call(b, method, args);
      expect(r.ok, `${method} ${JSON.stringify(args)}`).toBe(false);
      expect(r.ok ? null : r.error.code).toBe('bad-request');
    }
  });
});

describe('settings', () => {
  it('retention out of range, non-finite, or of the wrong type is refused; the settings stay as they were', async () => {
    const b = await start();
    const before = await value<object>(call(b, 'review.settings', {}));
    for (const retention of [0, 0.69, 0.995, 1, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, '0.9', null]) {
      expect((await call(b, 'review.setSettings', { retention })).ok, String(retention)).toBe(false);
    }
    for (const change of [{ newPerDay: -1 }, { newPerDay: 1.5 }, { reviewsPerDay: 1e9 }, { newPerDay: Number.NaN }]) {
      expect((await call(b, 'review.setSettings', change)).ok, JSON.stringify(change)).toBe(false);
    }
    expect(await value<object>(call(b, 'review.settings', {}))).toEqual(before);
  });

  it('daily limits at 0: nothing is offered, everything due is counted as held back, grading still works', async () => {
    const b = await start();
    await value(call(b, 'progress.set', { topicId: CACHING, state: 'done' }));
    const open = await value<{ total: number; cards: Array<{ id: string }> }>(call(b, 'review.due', {}));
    expect(open.total).toBe(2);
    await value(call(b, 'review.setSettings', { newPerDay: 0, reviewsPerDay: 0 }));
    const due = await value<{ total: number; cards: unknown[]; limited: number }>(call(b, 'review.due', {}));
    expect(due).toMatchObject({ total: 0, cards: [], limited: 2 });
    const stats = await value<{ dueToday: number; limited: number; newCards: number }>(call(b, 'review.stats', {}));
    expect(stats).toMatchObject({ dueToday: 0, limited: 2, newCards: 0 });
    // The "needs review" session of one topic ignores the limits.
    expect((await value<{ total: number }>(call(b, 'review.due', { topicId: CACHING }))).total).toBe(2);
    const graded = await value<{ remaining: number }>(call(b, 'review.grade', { cardId: open.cards[0]?.id ?? '', grade: 3 }));
    expect(graded.remaining).toBe(0);
  });
});

describe('editing, suspending, deleting and undo', () => {
  it('editing a card to an empty question is refused; an empty answer is kept as the learner typed it', async () => {
    const b = await start();
    const [card] = (await value<{ cards: Array<{ id: string; question: string }> }>(call(b, 'review.cards', { topicId: CACHING }))).cards;
    const id = card?.id ?? '';
    for (const question of ['', '   ', '\n\t']) {
      const r = await call(b, 'review.editCard', { cardId: id, question, answer: 'x' });
      expect(r.ok ? null : r.error.code).toBe('bad-request');
    }
    const own = await value<{ id: string }>(call(b, 'review.createCard', { topicId: CACHING, question: 'Mine?', answer: 'yes', source: 'manual' }));
    expect((await call(b, 'review.editCard', { cardId: `user:${own.id}`, question: '  ', answer: '' })).ok).toBe(false);
    const edited = await value<{ question: string; answer: string }>(call(b, 'review.editCard', { cardId: `user:${own.id}`, question: 'Mine, edited?', answer: '' }));
    expect(edited).toMatchObject({ question: 'Mine, edited?', answer: '' });
    expect((await value<{ cards: Array<{ question: string }> }>(call(b, 'review.cards', { topicId: CACHING }))).cards[0]?.question).toBe(card?.question);
  });

  it('suspend a found card, delete an own card, then undo twice: both come back; a third undo is a no-op', async () => {
    const b = await start();
    await value(call(b, 'progress.set', { topicId: CACHING, state: 'done' }));
    const [found] = (await value<{ cards: Array<{ id: string }> }>(call(b, 'review.cards', { topicId: CACHING }))).cards;
    const own = await value<{ id: string }>(call(b, 'review.createCard', { topicId: CACHING, question: 'Mine?', answer: 'yes', source: 'manual' }));
    const ids = async (): Promise<string[]> => (await value<{ cards: Array<{ id: string }> }>(call(b, 'review.due', {}))).cards.map((c) => c.id).sort();
    const all = await ids();
    expect(all).toHaveLength(3);
    await value(call(b, 'review.suspend', { cardId: found?.id, suspended: true }));
    expect(await value(call(b, 'review.deleteCard', { id: own.id }))).toEqual({ deleted: true });
    expect(await value(call(b, 'review.deleteCard', { id: own.id }))).toEqual({ deleted: false });
    expect(await ids()).toHaveLength(1);
    expect(await value(call(b, 'review.undo', {}))).toMatchObject({ undone: 'delete' });
    expect(await value(call(b, 'review.undo', {}))).toMatchObject({ undone: 'suspend' });
    expect(await ids()).toEqual(all);
    // The undo steps of other work done before the review session are not taken back by extra presses beyond.
    const third = await value<{ undone: string | null }>(call(b, 'review.undo', {}));
    expect(third.undone).toBeNull();
    expect(await ids()).toEqual(all);
    const rows = await value<{ cards: Array<{ id: string; suspended: boolean }> }>(call(b, 'review.browse', {}));
    expect(rows.cards.find((c) => c.id === found?.id)?.suspended).toBe(false);
  });

  it('undo twice after grading the same card twice brings it back to new, and the history counts nothing', async () => {
    const b = await start();
    await value(call(b, 'progress.set', { topicId: CACHING, state: 'done' }));
    const [card] = (await value<{ cards: Array<{ id: string }> }>(call(b, 'review.due', {}))).cards;
    await value(call(b, 'review.grade', { cardId: card?.id, grade: 1 }));
    await value(call(b, 'review.grade', { cardId: card?.id, grade: 3 }));
    await value(call(b, 'review.undo', {}));
    await value(call(b, 'review.undo', {}));
    const row = (await value<{ cards: Array<{ id: string; reps: number; phase: string }> }>(call(b, 'review.browse', {}))).cards.find((c) => c.id === card?.id);
    expect(row).toMatchObject({ reps: 0, phase: 'new' });
    expect((await value<{ total: number }>(call(b, 'review.due', {}))).total).toBe(2);
  });
});

describe('hub edits under done topics', () => {
  it('a done topic whose cards vanish after a hub edit: no errors, the schedules wait as orphans, nothing "needs review" from nothing', async () => {
    const b = await start();
    await value(call(b, 'progress.set', { topicId: CACHING, state: 'done' }));
    for (const c of (await value<{ cards: Array<{ id: string }> }>(call(b, 'review.due', {}))).cards) {
      await value(call(b, 'review.grade', { cardId: c.id, grade: 1 }));
    }
    await writeFile(path.join(hubRoot, 'docs/n.md'), '# Notes\n\n## Caching\n\nNo questions any more.\n');
    await value(call(b, 'hub.open', { root: hubRoot }));
    expect((await value<{ cards: unknown[] }>(call(b, 'review.cards', { topicId: CACHING }))).cards).toEqual([]);
    expect((await value<{ total: number }>(call(b, 'review.due', {}))).total).toBe(0);
    expect((await value<{ total: number }>(call(b, 'review.due', { topicId: CACHING }))).total).toBe(0);
    const stats = await value<{ needsReview: Array<{ topicId: string }>; totalCards: number; staleCount: number }>(call(b, 'review.stats', {}));
    expect(stats.totalCards).toBe(0);
    expect(stats.needsReview).toEqual([]);
    expect(stats.staleCount).toBe(1);
    expect((await value<{ orphans: unknown[] }>(call(b, 'review.orphans', {}))).orphans).toHaveLength(2);
    expect((await value<{ parts: unknown[] }>(call(b, 'review.diff', { topicId: CACHING }))).parts.length).toBeGreaterThan(0);
    await value(call(b, 'review.acceptChange', { topicId: CACHING }));
    // The doc is deleted entirely: still no errors.
    await rm(path.join(hubRoot, 'docs/n.md'));
    await value(call(b, 'hub.open', { root: hubRoot }));
    for (const m of ['review.stats', 'review.stale', 'review.orphans', 'review.browse', 'review.due']) {
      expect((await call(b, m, {})).ok, m).toBe(true);
    }
    expect((await call(b, 'review.diff', { topicId: CACHING })).ok).toBe(true);
  });
});

describe('hostile hub markdown', () => {
  it('a script and an event handler in a <details> answer never reach the rendered card', async () => {
    const b = await start();
    await value(call(b, 'progress.set', { topicId: 'docs/n.md#security', state: 'done' }));
    const due = await value<{ cards: Array<{ topicId: string; questionHast: unknown; answerHast: unknown }> }>(call(b, 'review.due', { topicId: 'docs/n.md#security' }));
    expect(due.cards).toHaveLength(1);
    const text = JSON.stringify(due.cards[0]);
    expect(text).not.toMatch(/"tagName":"script"/);
    expect(text).not.toMatch(/onerror|onError/);
    expect(text).not.toContain('window.pwned');
  });

  it('a found card with a runaway question and a done topic with a 3,000-character title leave a database that reloads', async () => {
    const longHeading = `Caching ${'and more '.repeat(400)}`;
    const longQ = `Q: What is ${'very '.repeat(3000)}long?\nA: Short.\n\nQ: What is short?\nA: ${'x'.repeat(150_000)}\n`;
    await writeFile(path.join(hubRoot, 'docs/n.md'), `# Notes\n\n## ${longHeading}\n\n${longQ}`);
    let b = await start();
    const topicId = (await value<{ cards: Array<{ topicId: string }> }>(call(b, 'review.browse', {}))).cards[0]?.topicId ?? '';
    expect(topicId).not.toBe('');
    await value(call(b, 'progress.set', { topicId, state: 'done' }));
    for (const c of (await value<{ cards: Array<{ id: string }> }>(call(b, 'review.due', {}))).cards) {
      await value(call(b, 'review.grade', { cardId: c.id, grade: 3 }));
    }
    const graded = (await value<{ cards: Array<{ reps: number }> }>(call(b, 'review.browse', {}))).cards.filter((c) => c.reps > 0).length;
    expect(graded).toBeGreaterThan(0);
    b = await restart();
    const status = await value<{ state: string }>(call(b, 'study.status', {}));
    expect(status.state).toBe('ok');
    expect((await value<{ cards: Array<{ reps: number }> }>(call(b, 'review.browse', {}))).cards.filter((c) => c.reps > 0)).toHaveLength(graded);
  });

  it('grading a card under a heading 4,500 characters long leaves a database that reloads', async () => {
    await writeFile(path.join(hubRoot, 'docs/n.md'), `# Notes\n\n## ${'word '.repeat(900)}\n\nQ: What is X?\nA: Y.\n`);
    let b = await start();
    const [row] = (await value<{ cards: Array<{ id: string; topicId: string }> }>(call(b, 'review.browse', {}))).cards;
    expect(row?.topicId.length).toBeGreaterThan(4096);
    await value(call(b, 'review.decide', { cardIds: [row?.id], status: 'accepted' }));
    await value(call(b, 'review.grade', { cardId: row?.id, grade: 3 }));
    b = await restart();
    expect((await value<{ state: string }>(call(b, 'study.status', {}))).state).toBe('ok');
    expect((await value<{ cards: Array<{ reps: number }> }>(call(b, 'review.browse', {}))).cards[0]?.reps).toBe(1);
  });
});

describe('review.json from another machine', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => {
    await w.dispose();
  });

  it('malformed, unknown and prototype-key fields: the sync succeeds and the local schedules, cards and settings survive', async () => {
    const a = await w.machine('laptop-a');
    const ra = new ReviewService(a.ctx, a.study);
    const own = await ra.createCard({ topicId: 'docs/guide.md#setup', question: 'Local?', answer: 'a', source: 'manual' });
    await ra.grade(`user:${own.id}`, 3);
    await ra.setSettings({ newPerDay: 9 });
    expect((await a.sync.run()).ok).toBe(true);
    const local = structuredClone(a.study.store.data.review);

    // Another machine (a newer version, a bad editor, an attacker) writes this review.json.
    const other = path.join(w.base, 'other');
    git(w.base, 'clone', '-q', w.remote, other);
    const bad = {
      version: 1,
      future: { wholeNewSection: true },
      cards: {
        // Newer than the local schedule, but a memory state FSRS refuses: taking it would break every review call.
        [`user:${own.id}`]: { topicId: 'docs/guide.md#setup', question: 'Local?', due: '2024-01-01T00:00:00.000Z', stability: 5, difficulty: 0, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: '2099-01-01T00:00:00.000Z' },
        [`user:${own.id}x`]: { junk: 1 },
        __proto__: { topicId: 'x', question: 'q', due: '2024-01-01T00:00:00.000Z', stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null },
        'docs/guide.md#setup::bad': { topicId: 'docs/guide.md#setup', question: 'Bad?', due: 'the-day-after-never', stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: '9999-99-99T99:99:99Z', newField: [1, 2] },
      },
      log: [null, 7, { cardId: `user:${own.id}`, rating: 9 }],
      userCards: [{ id: own.id, deleted: 'yes' }, { id: 'x'.repeat(500) }],
      snapshots: { constructor: { hash: 1 } },
      cardStates: { [`user:${own.id}`]: { status: 'exploded', updatedAt: '9999' }, constructor: { status: 'dismissed', updatedAt: '9999-01-01T00:00:00.000Z' } },
      settings: { newPerDay: -3, retention: 7, updatedAt: '9999-12-31T00:00:00.000Z' },
    };
    await mkdir(path.join(other, '.nexus/ada'), { recursive: true });
    await writeFile(path.join(other, '.nexus/ada/review.json'), JSON.stringify(bad).replace('"cards":{', '"cards":{"__proto__":{"state":2},'));
    git(other, 'add', '.');
    git(other, '-c', 'user.name=x', '-c', 'user.email=x@example.test', 'commit', '-q', '-m', 'hostile review.json');
    git(other, 'push', '-q', 'origin', 'HEAD:main');

    const run = await a.sync.run();
    expect(run.error?.message ?? null).toBeNull();
    const review = a.study.store.data.review;
    expect(review.cards[`user:${own.id}`]).toEqual(local.cards[`user:${own.id}`]);
    expect(review.userCards).toEqual(local.userCards);
    expect(review.settings.newPerDay).toBe(9);
    expect(review.log.filter((e) => !e.undone)).toHaveLength(1);
    expect(Object.getPrototypeOf(review.cards)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(review.cardStates)).toBe(Object.prototype);
    // Whatever came in, review still works.
    await expect(ra.due()).resolves.toMatchObject({ total: 0 });
    await expect(ra.stats()).resolves.toBeDefined();
    await expect(ra.grade(`user:${own.id}`, 3)).resolves.toBeDefined();
  });
});
