/** Messages shown to the learner are bounded: a junk-filled database once made a 689,000-character banner. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/backend/logger';
import { StudyStore } from '../../../src/backend/store/studyStore';
import { MAX_REASON, loadDb, serializeDb } from '../../../src/core/db/loadDb';
import { defaultStudyDb } from '../../../src/core/db/schema';
import { MAX_LOG_TEXT, MAX_STATUS_MESSAGE, boundText } from '../../../src/core/db/status';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-msg-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A database of the current version with tens of thousands of junk keys (zod lists every one). */
function junkDb(): string {
  const db: Record<string, unknown> = { ...defaultStudyDb() };
  for (let i = 0; i < 40_000; i++) {
    db[`junk-key-number-${i}`] = i;
  }
  return JSON.stringify(db);
}

describe('bounded messages', () => {
  it('boundText keeps short text and cuts long text, saying how long it was', () => {
    expect(boundText('short')).toBe('short');
    const cut = boundText('y'.repeat(100_000));
    expect(cut.length).toBeLessThanOrEqual(MAX_STATUS_MESSAGE);
    expect(cut).toMatch(/100000 characters in all\)$/);
    // A surrogate pair is never split.
    const emoji = boundText('😀'.repeat(1000), 101);
    expect(emoji.length).toBeLessThanOrEqual(101);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(emoji)).toBe(false);
  });

  it('loadDb gives a short reason for a file full of junk keys', () => {
    const outcome = loadDb(junkDb());
    expect(outcome.kind).toBe('corrupt');
    expect(outcome.kind === 'corrupt' && outcome.reason.length).toBeLessThanOrEqual(MAX_REASON);
    expect(outcome.kind === 'corrupt' && outcome.reason).toMatch(/wrong shape/);
  });

  it('the banner message and the log stay bounded when such a file is moved aside', async () => {
    const file = path.join(dir, 'study.json');
    await writeFile(file, junkDb());
    const lines: string[] = [];
    const store = await StudyStore.open({ file, logger: createLogger((line) => lines.push(line), 'debug') });
    try {
      const status = store.status();
      expect(status.state).toBe('reset-empty');
      expect(status.message?.length).toBeLessThanOrEqual(MAX_STATUS_MESSAGE);
      for (const line of lines) {
        expect(line.length).toBeLessThanOrEqual(MAX_LOG_TEXT + 1000);
      }
      expect((await readdir(dir)).some((f) => f.startsWith('study.json.corrupt-'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('a valid but unparseable JSON text also gives a short reason', () => {
    const text = `${serializeDb(defaultStudyDb()).slice(0, -2)}, ${'"x": '.repeat(50_000)}}`;
    const outcome = loadDb(text);
    expect(outcome.kind === 'corrupt' && outcome.reason.length).toBeLessThanOrEqual(MAX_REASON);
  });
});
