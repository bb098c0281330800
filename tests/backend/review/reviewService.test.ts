import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../src/backend/createBackend';
import { silentLogger } from '../../../src/backend/logger';

const root = path.resolve(import.meta.dirname, '../../..');
const bundledHub = path.join(root, 'resources/hub');
const DOC = `# Queues

Intro.

## Backpressure

A slow consumer makes the queue grow.

**Check yourself**

<details>
<summary>What grows when the consumer is slow?</summary>

The **queue**.
</details>

<details>
<summary>Name one remedy.</summary>

Rate-limit producers.
</details>

## Retries

Retry with backoff.
`;

let base: string;
let hubRoot: string;
let dataDir: string;
let backend: Backend | null = null;

async function start(): Promise<Backend> {
  backend = await createBackend({ bundledHub, hubRoot, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null });
  return backend;
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'nexus-review-'));
  hubRoot = path.join(base, 'hub');
  dataDir = path.join(base, 'data');
  await (await import('node:fs/promises')).mkdir(path.join(hubRoot, 'docs'), { recursive: true });
  await writeFile(path.join(hubRoot, 'docs/queues.md'), DOC);
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  await rm(base, { recursive: true, force: true });
});

describe('review service', () => {
  it('offers the cards of done topics only, grades them durably, and updates the stats', async () => {
    const { api } = await start();
    expect((await api['review.due']({})).total).toBe(0);
    await api['progress.set']({ topicId: 'docs/queues.md#backpressure', state: 'done' });
    const due = await api['review.due']({});
    expect(due.total).toBe(2);
    expect(due.cards.map((c) => c.topicTitle)).toEqual(['Backpressure', 'Backpressure']);
    expect(JSON.stringify(due.cards[0]?.answerHast)).toContain('"tagName":"strong"');
    const first = due.cards[0];
    if (first === undefined) {
      throw new Error('no card');
    }
    const graded = await api['review.grade']({ cardId: first.id, grade: 3 });
    expect(graded.remaining).toBe(1);
    expect(graded.scheduledDays).toBe(3);
    // The preview and the grade are a few milliseconds apart.
    expect(Math.abs(Date.parse(graded.due) - Date.parse(first.preview['3']))).toBeLessThan(60_000);
    const stats = await api['review.stats']({});
    expect(stats).toMatchObject({ dueToday: 1, newCards: 1, totalCards: 2, streak: 1 });
    expect(stats.retention.at(-1)).toEqual({ day: stats.today, reviews: 1, recalled: 1 });
    await api['review.grade']({ cardId: due.cards[1]?.id ?? '', grade: 1 });
    expect((await api['review.stats']({})).weakTopics.map((w) => [w.topicId, w.again, w.exists])).toEqual([['docs/queues.md#backpressure', 1, true]]);
    const db = JSON.parse(await readFile(path.join(dataDir, 'study.json'), 'utf8')) as { review: { log: unknown[]; cards: Record<string, unknown> } };
    expect(db.review.log).toHaveLength(2);
    expect(Object.keys(db.review.cards)).toHaveLength(2);
    // Exported with the progress, in the shape the sync writes.
    const out = path.join(dataDir, 'exports', 'export');
    await api['study.export']({ folder: 'export' });
    const exported = JSON.parse(await readFile(path.join(out, 'review.json'), 'utf8')) as { version: number; cards: Record<string, unknown>; log: unknown[] };
    expect(exported.version).toBe(1);
    expect(Object.keys(exported.cards)).toEqual(Object.keys(db.review.cards).sort());
    expect(exported.log).toHaveLength(2);
  });

  it('flags a done topic whose text changed, shows the diff, brings its cards back; keeps removed topics', async () => {
    const { api } = await start();
    await api['progress.set']({ topicId: 'docs/queues.md#backpressure', state: 'done' });
    await api['progress.set']({ topicId: 'docs/queues.md#retries', state: 'done' });
    for (const c of (await api['review.due']({})).cards) {
      await api['review.grade']({ cardId: c.id, grade: 4 });
    }
    expect((await api['review.due']({})).total).toBe(0);
    expect((await api['review.stale']({})).topics).toEqual([]);
    await writeFile(path.join(hubRoot, 'docs/queues.md'), DOC.replace('makes the queue grow', 'makes the queue grow without bound').replace('## Retries\n\nRetry with backoff.\n', ''));
    await api['hub.open']({ root: hubRoot });
    const stale = await api['review.stale']({});
    expect(stale.topics.map((t) => [t.topicId, t.status])).toEqual([
      ['docs/queues.md#backpressure', 'changed'],
      ['docs/queues.md#retries', 'orphaned'],
    ]);
    const diff = await api['review.diff']({ topicId: 'docs/queues.md#backpressure' });
    expect(diff.parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('without bound');
    const back = await api['review.due']({});
    expect(back.total).toBe(2);
    expect(back.cards.every((c) => c.stale)).toBe(true);
    // The orphaned topic's snapshot and progress are kept.
    expect((await api['progress.get']({})).progress['docs/queues.md#retries']?.state).toBe('done');
    await api['review.acceptChange']({ topicId: 'docs/queues.md#backpressure' });
    expect((await api['review.stale']({})).topics.map((t) => t.topicId)).toEqual(['docs/queues.md#retries']);
  });

  it('makes cards from a passage, lists them with the topic, and deletes them', async () => {
    const { api } = await start();
    const card = await api['review.createCard']({ topicId: 'docs/queues.md#retries', question: 'Why back off?', answer: 'To let the service recover.', source: 'passage' });
    const listed = await api['review.cards']({ topicId: 'docs/queues.md#retries' });
    expect(listed.cards.map((c) => [c.kind, c.question, c.userCardId])).toEqual([['user', 'Why back off?', card.id]]);
    expect((await api['review.due']({})).cards.map((c) => c.kind)).toEqual(['user']);
    expect(await api['review.deleteCard']({ id: card.id })).toEqual({ deleted: true });
    expect((await api['review.due']({})).total).toBe(0);
  });
});
