import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDb } from '../../../src/core/db/loadDb';
import { migrations } from '../../../src/core/db/migrations';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '../../fixtures/db', name), 'utf8');

describe('migration 003-trash-tombstones-sync-base', () => {
  it('brings a v3 file (tests/fixtures/db/v3.json) to v4 with an empty Trash, no tombstones and no sync base', () => {
    const old = JSON.parse(fixture('v3.json')) as Record<string, unknown>;
    const outcome = loadDb(fixture('v3.json'));
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') {
      return;
    }
    expect(outcome.fromVersion).toBe(3);
    expect(outcome.migrated).toEqual(['003-trash-tombstones-sync-base']);
    expect(outcome.db.schemaVersion).toBe(4);
    expect(outcome.db.trash).toEqual([]);
    expect(outcome.db.tombstones).toEqual({});
    // No base: the first sync after the upgrade merges the repo in and pushes no deletion.
    expect(outcome.db.syncBases).toEqual({});
    expect(outcome.db.notes).toEqual(old['notes']);
    expect(outcome.db.progress).toEqual(old['progress']);
  });

  it('is the last step', () => {
    expect(migrations.at(-1)).toMatchObject({ name: '003-trash-tombstones-sync-base', from: 3 });
  });
});
