/** Found cards as suggestions, edits, suspend, reset, undo, daily limits, leeches, identity across hub edits. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../src/backend/createBackend';
import { silentLogger } from '../../../src/backend/logger';
import { parseReviewText, serialiseReview } from '../../../src/core/review/merge';

const root = path.resolve(import.meta.dirname, '../../..');
const bundledHub = path.join(root, 'resources/hub');
const DOC = `# System design notes

## Caching

**Q:** What does a CDN cache?
**A:** Static assets close to the user.

**Q:** Why set a TTL?
**A:** So stale entries expire.

Q: What is write-through?
A: Writes go to cache and store together.

## What is a B-tree index?

A balanced tree that keeps keys sorted for range scans.

## Glossary

| Term | Meaning |
|---|---|
| Shard | One horizontal slice of the data |
| Replica | A copy that follows the primary |
`;
const CACHING = 'docs/sd.md#caching';

let base: string;
let hubRoot: string;
let dataDir: string;
let backend: Backend | null = null;

async function start(): Promise<Backend> {
  backend = await createBackend({ bundledHub, hubRoot, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null });
  return backend;
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'nexus-review-cards-'));
  hubRoot = path.join(base, 'hub');
  dataDir = path.join(base, 'data');
  await mkdir(path.join(hubRoot, 'docs'), { recursive: true });
  await writeFile(path.join(hubRoot, 'docs/sd.md'), DOC);
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  await rm(base, { recursive: true, force: true });
});

describe('suggestions', () => {
  it('lists found cards per topic; accept one, accept all, edit then accept, dismiss (remembered across restarts)', async () => {
    let { api } = await start();
    const listed = (await api['review.cards']({ topicId: CACHING })).cards;
    expect(listed.map((c) => [c.kind, c.status, c.active])).toEqual([
      ['qa', 'suggested', false],
      ['qa', 'suggested', false],
      ['qa', 'suggested', false],
    ]);
    expect((await api['review.due']({})).total).toBe(0);
    const [cdn, ttl, wt] = listed;
    if (cdn === undefined || ttl === undefined || wt === undefined) {
      throw new Error('cards missing');
    }
    expect(await api['review.decide']({ cardIds: [cdn.id], status: 'accepted' })).toEqual({ changed: 1 });
    expect((await api['review.due']({})).cards.map((c) => c.id)).toEqual([cdn.id]);
    const edited = await api['review.editCard']({ cardId: ttl.id, question: 'Why give cache entries a TTL?', answer: 'So stale entries expire on their own.' });
    expect(edited).toMatchObject({ status: 'accepted', edited: true, question: 'Why give cache entries a TTL?' });
    expect(JSON.stringify((await api['review.due']({})).cards.map((c) => c.questionHast))).toContain('Why give cache entries a TTL?');
    // The hub's file is never changed.
    expect(await readFile(path.join(hubRoot, 'docs/sd.md'), 'utf8')).toBe(DOC);
    await api['review.decide']({ cardIds: [wt.id], status: 'dismissed' });
    await backend?.close();
    ({ api } = await start());
    await api['progress.set']({ topicId: CACHING, state: 'done' });
    // Done topic: its found cards are offered unless dismissed.
    expect((await api['review.due']({})).total).toBe(2);
    expect((await api['review.cards']({ topicId: CACHING })).cards.map((c) => c.status)).toEqual(['accepted', 'accepted', 'dismissed']);
    // Accept all on the glossary topic.
    const glossary = (await api['review.cards']({ topicId: 'docs/sd.md#glossary' })).cards;
    expect(glossary.map((c) => c.question)).toEqual(['What is Shard?', 'What is Replica?']);
    expect(await api['review.decide']({ cardIds: glossary.map((c) => c.id), status: 'accepted' })).toEqual({ changed: 2 });
    expect((await api['review.due']({})).total).toBe(4);
  });
});

describe('card browser actions', () => {
  it('suspends, resets and deletes with undo, and filters by doc, state and origin', async () => {
    const { api } = await start();
    await api['progress.set']({ topicId: CACHING, state: 'done' });
    const own = await api['review.createCard']({ topicId: CACHING, question: 'Docker packages an app into an **[…]**.', answer: '**image**', source: 'cloze' });
    let all = await api['review.browse']({});
    expect(all.total).toBe(7);
    expect(all.docs).toEqual(['docs/sd.md']);
    expect((await api['review.browse']({ origin: 'own' })).cards.map((c) => c.question)).toEqual([own.question]);
    expect((await api['review.browse']({ query: 'cdn' })).cards.map((c) => c.question)).toEqual(['What does a CDN cache?']);
    expect((await api['review.browse']({ state: 'due' })).total).toBe(4);
    const cdn = (await api['review.browse']({ query: 'cdn' })).cards[0]?.id ?? '';
    await api['review.suspend']({ cardId: cdn, suspended: true });
    expect((await api['review.browse']({ state: 'suspended' })).cards.map((c) => c.id)).toEqual([cdn]);
    expect((await api['review.due']({})).cards.map((c) => c.id)).not.toContain(cdn);
    expect(await api['review.undo']({})).toEqual({ undone: 'suspend', cardId: cdn });
    expect((await api['review.due']({})).cards.map((c) => c.id)).toContain(cdn);
    await api['review.grade']({ cardId: cdn, grade: 4 });
    expect((await api['review.browse']({ state: 'review' })).cards.map((c) => c.id)).toEqual([cdn]);
    await api['review.resetCard']({ cardId: cdn });
    expect((await api['review.browse']({ state: 'new', query: 'cdn' })).total).toBe(1);
    await api['review.undo']({});
    expect((await api['review.browse']({ state: 'review' })).cards.map((c) => c.id)).toEqual([cdn]);
    await api['review.deleteCard']({ id: own.id });
    expect((await api['review.browse']({ origin: 'own' })).total).toBe(0);
    expect(await api['review.undo']({})).toMatchObject({ undone: 'delete' });
    all = await api['review.browse']({ origin: 'own' });
    expect(all.cards.map((c) => c.question)).toEqual([own.question]);
    const edited = await api['review.editCard']({ cardId: `user:${own.id}`, question: 'Edited?', answer: 'Yes' });
    expect(edited).toMatchObject({ question: 'Edited?', status: 'own' });
  });

  it('undoes the last answer (Ctrl+Z): the schedule and the day counts go back, the grading is kept as undone', async () => {
    const { api } = await start();
    await api['progress.set']({ topicId: CACHING, state: 'done' });
    const first = (await api['review.due']({})).cards[0]?.id ?? '';
    await api['review.grade']({ cardId: first, grade: 3 });
    expect((await api['review.due']({})).total).toBe(2);
    expect(await api['review.undo']({})).toEqual({ undone: 'answer', cardId: first });
    const due = await api['review.due']({});
    expect(due.total).toBe(3);
    expect(due.cards[0]?.state).toBe(0);
    const db = JSON.parse(await readFile(path.join(dataDir, 'study.json'), 'utf8')) as { review: { log: Array<{ undone: boolean }> } };
    expect(db.review.log.map((e) => e.undone)).toEqual([true]);
    expect((await api['review.stats']({})).retention.at(-1)?.reviews).toBe(0);
    expect(await api['review.undo']({})).toEqual({ undone: null, cardId: null });
  });
});

describe('daily limits and memory', () => {
  it('introduces at most the new cards per day, and the dashboard count honours it', async () => {
    const { api } = await start();
    expect(await api['review.settings']({})).toMatchObject({ newPerDay: 20, reviewsPerDay: 200, retention: 0.9 });
    await api['review.setSettings']({ newPerDay: 2 });
    for (const t of [CACHING, 'docs/sd.md#glossary', 'docs/sd.md#what-is-a-b-tree-index']) {
      await api['progress.set']({ topicId: t, state: 'done' });
    }
    const due = await api['review.due']({});
    expect([due.total, due.limited]).toEqual([2, 4]);
    expect((await api['review.stats']({})).dueToday).toBe(2);
    for (const c of due.cards) {
      await api['review.grade']({ cardId: c.id, grade: 3 });
    }
    const after = await api['review.due']({});
    expect([after.total, after.limited]).toEqual([0, 4]);
    expect((await api['review.stats']({})).forecast.reduce((n, d) => n + d.count, 0)).toBe(2);
    await api['review.setSettings']({ retention: 0.8 });
    expect((await api['review.settings']({})).retention).toBe(0.8);
    // A topic session ignores the limits.
    expect((await api['review.due']({ topicId: 'docs/sd.md#glossary' })).total).toBeGreaterThan(0);
  });

  it('after 8 lapses a card is a leech: suspended, flagged, and its done topic needs review', async () => {
    const { api } = await start();
    await api['progress.set']({ topicId: 'docs/sd.md#what-is-a-b-tree-index', state: 'done' });
    const id = (await api['review.due']({})).cards[0]?.id ?? '';
    await api['review.grade']({ cardId: id, grade: 3 });
    let leech = false;
    for (let i = 0; i < 8; i++) {
      leech = (await api['review.grade']({ cardId: id, grade: 1 })).leech || leech;
    }
    expect(leech).toBe(true);
    const card = (await api['review.cards']({ topicId: 'docs/sd.md#what-is-a-b-tree-index' })).cards[0];
    expect(card).toMatchObject({ leech: true, suspended: true, lapses: 8 });
    expect((await api['review.cards']({ topicId: 'docs/sd.md#what-is-a-b-tree-index' })).needsReview).toBe(true);
    expect((await api['review.cards']({ topicId: CACHING })).needsReview).toBe(false);
    expect((await api['review.stats']({})).needsReview).toEqual([expect.objectContaining({ topicId: 'docs/sd.md#what-is-a-b-tree-index', leeches: 1, title: 'What is a B-tree index?' })]);
    await api['review.suspend']({ cardId: id, suspended: false });
    expect((await api['review.cards']({ topicId: 'docs/sd.md#what-is-a-b-tree-index' })).cards[0]).toMatchObject({ leech: false, suspended: false });
  });
});

describe('card identity across hub edits', () => {
  it('keeps a schedule when the question changes a little or its section is renamed; asks before letting one go', async () => {
    const { api } = await start();
    await api['progress.set']({ topicId: CACHING, state: 'done' });
    const cards = (await api['review.due']({})).cards;
    for (const c of cards) {
      await api['review.grade']({ cardId: c.id, grade: 4 });
    }
    const edited = DOC.replace('## Caching', '## Caching layers').replace('What does a CDN cache?', 'What does a CDN cache, exactly?').replace('Q: What is write-through?\nA: Writes go to cache and store together.', 'Q: Which layer absorbs a thundering herd?\nA: The request coalescer.');
    await writeFile(path.join(hubRoot, 'docs/sd.md'), edited);
    await api['hub.open']({ root: hubRoot });
    const now = (await api['review.cards']({ topicId: 'docs/sd.md#caching-layers' })).cards;
    expect(now.map((c) => [c.question, c.reps > 0])).toEqual([
      ['What does a CDN cache, exactly?', true],
      ['Why set a TTL?', true],
      ['Which layer absorbs a thundering herd?', false],
    ]);
    const { orphans } = await api['review.orphans']({});
    expect(orphans.map((o) => [o.question, o.candidate?.question ?? null])).toEqual([['What is write-through?', expect.any(String) as string]]);
    const herd = now[2]?.id ?? '';
    await api['review.relink']({ fromId: orphans[0]?.id ?? '', toId: herd });
    expect((await api['review.cards']({ topicId: 'docs/sd.md#caching-layers' })).cards[2]?.reps).toBe(1);
    expect((await api['review.orphans']({})).orphans).toEqual([]);
  });
});

describe('hostile ids', () => {
  it('a __proto__ card id is no card: grading, relinking and suspending it are not-found, and nothing is polluted', async () => {
    const { api } = await start();
    await expect(api['review.grade']({ cardId: '__proto__', grade: 3 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api['review.relink']({ fromId: '__proto__', toId: null })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api['review.suspend']({ cardId: 'constructor', suspended: true })).rejects.toMatchObject({ code: 'not-found' });
    const db = JSON.parse(await readFile(path.join(dataDir, 'study.json'), 'utf8').catch(() => '{"review":{"cards":{},"cardStates":{}}}')) as { review: { cards: object; cardStates?: object } };
    expect(Object.getPrototypeOf(db.review.cards)).toBe(Object.prototype);
    expect((await api['review.browse']({})).total).toBe(6);
  });
});

describe('sync of review decisions', () => {
  it('carries dismissals, edits, suspensions and settings from one device to another through review.json', async () => {
    const { api } = await start();
    const [a, b] = (await api['review.cards']({ topicId: CACHING })).cards;
    await api['review.decide']({ cardIds: [a?.id ?? ''], status: 'dismissed' });
    await api['review.editCard']({ cardId: b?.id ?? '', question: 'Edited TTL?', answer: 'x' });
    await api['review.suspend']({ cardId: b?.id ?? '', suspended: true });
    await api['review.setSettings']({ newPerDay: 7 });
    const out = path.join(dataDir, 'exports', 'export');
    await api['study.export']({ folder: 'export' });
    const text = await readFile(path.join(out, 'review.json'), 'utf8');
    const other = parseReviewText(text);
    expect(other?.cardStates[a?.id ?? '']?.status).toBe('dismissed');
    expect(other?.cardStates[b?.id ?? '']).toMatchObject({ question: 'Edited TTL?', suspended: true });
    expect(other?.settings.newPerDay).toBe(7);
    expect(parseReviewText(serialiseReview(other ?? (await Promise.reject(new Error('no state')))))).toEqual(other);
  });
});
