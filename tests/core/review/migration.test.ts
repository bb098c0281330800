import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDb } from '../../../src/core/db/loadDb';
import { migrations } from '../../../src/core/db/migrations';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '../../fixtures/db', name), 'utf8');

describe('migration 002-review-state', () => {
  it('brings a v2 file (tests/fixtures/db/v2.json) to v3 with an empty review state, keeping everything else', () => {
    const old = JSON.parse(fixture('v2.json')) as Record<string, unknown>;
    const outcome = loadDb(fixture('v2.json'));
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') {
      return;
    }
    expect(outcome.fromVersion).toBe(2);
    expect(outcome.migrated).toEqual(['002-review-state', '003-trash-tombstones-sync-base']);
    expect(outcome.db.schemaVersion).toBe(4);
    expect(outcome.db.review).toEqual({ cards: {}, log: [], userCards: [], snapshots: {}, cardStates: {}, settings: { newPerDay: 20, reviewsPerDay: 200, retention: 0.9, updatedAt: '' }, undo: [] });
    expect(outcome.db.progress).toEqual(old['progress']);
    expect(outcome.db.notes).toEqual(old['notes']);
    expect(outcome.db.days).toEqual(old['days']);
    expect(outcome.db.recent).toEqual(old['recent']);
  });

  it('starts from version 2, right after 001', () => {
    expect(migrations[1]).toMatchObject({ name: '002-review-state', from: 2 });
  });
});
