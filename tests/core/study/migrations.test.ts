import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDb } from '../../../src/core/db/loadDb';
import { latestVersion, migrations, pendingMigrations } from '../../../src/core/db/migrations';
import { CURRENT_SCHEMA_VERSION } from '../../../src/core/db/schema';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '../../fixtures/db', name), 'utf8');

describe('migrations', () => {
  it('are ordered, named uniquely and end at the current version', () => {
    const froms = migrations.map((m) => m.from);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    expect(latestVersion()).toBe(CURRENT_SCHEMA_VERSION);
    expect(pendingMigrations(CURRENT_SCHEMA_VERSION)).toEqual([]);
  });

  it('001 then 002 bring a v1 file (tests/fixtures/db/v1.json) up to date keeping every note and state', () => {
    const outcome = loadDb(fixture('v1.json'));
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') {
      return;
    }
    expect(outcome.fromVersion).toBe(1);
    expect(outcome.migrated).toEqual(['001-reading-activity-and-note-headings', '002-review-state', '003-trash-tombstones-sync-base']);
    expect(outcome.db.schemaVersion).toBe(4);
    expect(outcome.db.progress['docs/a.md#intro']).toEqual({ state: 'done', updatedAt: '2024-03-01T10:00:00.000Z', doneAt: '2024-03-01T10:00:00.000Z', readSeconds: 0 });
    expect(outcome.db.progress['docs/a.md#setup']?.state).toBe('skipped');
    expect(outcome.db.notes.map((n) => [n.id, n.title, n.body, n.topicTitle])).toEqual([
      ['n1', 'First note', 'Remember **this**.', null],
      ['n2', 'Free note', 'Not tied to a topic.', null],
    ]);
    expect(outcome.db.days).toEqual({});
    expect(outcome.db.recent).toEqual([]);
    expect(outcome.db.resetUndo).toBeNull();
  });

  it('refuses a newer schema version instead of reading it', () => {
    expect(loadDb(fixture('v99-newer.json'))).toEqual({ kind: 'newer', version: 99 });
  });

  it.each([
    ['empty', ''],
    ['whitespace', '  \n'],
    ['truncated', fixture('v1.json').slice(0, 200)],
    ['NUL bytes', '\0\0\0\0\0\0'],
    ['NUL bytes after JSON', `${fixture('v1.json')}\0\0`],
    ['invalid JSON', '{ schemaVersion: 2 '],
    ['null', 'null'],
    ['an array', '[]'],
    ['no version', '{"progress":{},"notes":[]}'],
    ['wrong shape', '{"schemaVersion":2,"progress":{"a":{"state":"finished"}},"notes":[],"days":{},"recent":[],"resetUndo":null}'],
  ])('calls a %s file corrupt', (_name, text) => {
    expect(loadDb(text).kind).toBe('corrupt');
  });
});
