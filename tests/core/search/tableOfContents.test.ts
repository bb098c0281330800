/**
 * A doc's table of contents (a list of its own headings) is marked when entries are built and
 * ranks below the sections it lists.
 */
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../../src/core/hub/parseDoc';
import { docEntries, isTableOfContents } from '../../../src/core/search/entries';
import { SearchIndex, type SearchIndexDump } from '../../../src/core/search/searchIndex';

const GUIDE = `# Operations guide

## Contents

- [Deploying](#deploying)
- [Rate limiting](#rate-limiting)
- [Connection pooling](#connection-pooling)
- [Backups](#backups)

## Deploying

Build the image, push it and roll the service one instance at a time, watching the health checks
before moving on, so a bad release never takes every instance down at once.

#### Rate limiting

Every client gets a token bucket; a request that finds the bucket empty is answered with 429 and
a Retry-After header. The limits are set per route in the gateway's configuration file.

#### Connection pooling

Keep a pool of database connections per worker, sized to the database's connection limit divided
by the number of workers, and recycle a connection after an hour.

## Backups

Nightly snapshots are kept for a month; restore them into a scratch database to test them.
`;

function entriesOf(markdown: string) {
  return docEntries(parseDoc('docs/ops.md', markdown));
}

describe('table of contents detection', () => {
  it('marks a section made of links to the doc’s own headings, and only that one', () => {
    const entries = entriesOf(GUIDE);
    expect(entries.filter((e) => e.toc === true).map((e) => e.slug)).toEqual(['contents']);
  });

  it('finds one whatever its title, numbering or list style (numbered, table, glued items)', () => {
    const numbered = entriesOf(GUIDE.replace('## Contents', '## On this page').replace(/^- /gm, (_m) => '1. '));
    expect(numbered.find((e) => e.slug === 'on-this-page')?.toc).toBe(true);
    const table = entriesOf(
      GUIDE.replace(/## Contents[\s\S]*?(?=## Deploying)/, '## Index\n\n| No. | Section |\n| --- | --- |\n| 1 | [Deploying](#deploying) |\n| 2 | [Backups](#backups) |\n| 3 | [Rate limiting](#rate-limiting) |\n\n'),
    );
    expect(table.find((e) => e.slug === 'index')?.toc).toBe(true);
    const headings = ['deploying', 'ratelimiting', 'connectionpooling', 'backups'];
    expect(isTableOfContents('Contents\nDeployingRate limitingConnection poolingBackups', 'Contents', headings)).toBe(true);
  });

  it('leaves prose alone, even prose that names a few headings', () => {
    const prose = `# Guide\n\n## Overview\n\nThis guide covers deploying, rate limiting and backups, and explains why each of them\nmatters when the service grows beyond one machine and its traffic becomes hard to predict.\n\n## Deploying\n\nText.\n\n## Rate limiting\n\nText.\n\n## Backups\n\nText.\n`;
    expect(entriesOf(prose).some((e) => e.toc === true)).toBe(false);
  });

  it('does not take a section made of its own sub-headings for a table of contents', () => {
    const outline = `# Caching\n\n## Invalidation strategies\n\n#### TTL-based expiration\n#### Event-based invalidation\n#### Write-through\n\n## Stampedes\n\nText about stampedes.\n`;
    expect(entriesOf(outline).some((e) => e.toc === true)).toBe(false);
  });

  it('needs at least three listed headings', () => {
    expect(isTableOfContents('See also\nBackups', 'See also', ['backups', 'deploying'])).toBe(false);
    expect(isTableOfContents('', 'Contents', ['backups'])).toBe(false);
  });
});

describe('table of contents ranking', () => {
  it('ranks the section holding a listed heading above the table of contents', () => {
    const index = new SearchIndex();
    entriesOf(GUIDE).forEach((e) => index.add(e));
    for (const [query, slug] of [
      ['rate limiting', 'deploying'],
      ['connection pooling', 'deploying'],
    ] as const) {
      const hits = index.search(query, { prefix: false }).hits.map((h) => h.slug);
      expect(hits[0], query).toBe(slug);
      expect(hits.indexOf('contents'), query).toBeGreaterThan(hits.indexOf(slug));
    }
  });

  it('still finds the table of contents by its own title', () => {
    const index = new SearchIndex();
    entriesOf(GUIDE).forEach((e) => index.add(e));
    expect(index.search('contents').hits[0]?.slug).toBe('contents');
  });

  it('keeps the mark through the index cache', () => {
    const index = new SearchIndex();
    const entries = entriesOf(GUIDE);
    entries.forEach((e) => index.add(e));
    const bodies = new Map(entries.map((e) => [e.key, { body: e.body, code: e.code }]));
    const loaded = SearchIndex.import(JSON.parse(JSON.stringify(index.export())) as SearchIndexDump, (k) => bodies.get(k) ?? null);
    expect(loaded.search('rate limiting', { prefix: false }).hits[0]?.slug).toBe('deploying');
  });
});
