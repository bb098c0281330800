import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileParseCache } from '../../../src/backend/hub/parseCache';
import type { DocParser } from '../../../src/backend/hub/parsePool';
import { inProcessParser } from '../../../src/backend/hub/parsePool';
import { HubService } from '../../../src/backend/hub/hubService';
import { silentLogger } from '../../../src/backend/logger';
import { tempHub } from './tempHub';

/** The in-process parser, counting which files it really parsed. */
function countingParser(): DocParser & { parsed: string[] } {
  const parsed: string[] = [];
  return {
    parsed,
    run: (job) => {
      parsed.push(job.path);
      return inProcessParser.run(job);
    },
    close: () => Promise.resolve(),
  };
}

describe('parse cache', () => {
  let hub: Awaited<ReturnType<typeof tempHub>>;
  let cacheDir: string;
  beforeEach(async () => {
    hub = await tempHub();
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-cache-'));
  });
  afterEach(async () => {
    await hub.dispose();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('reopens a hub from the cache and parses only the files that changed', async () => {
    const cache = fileParseCache(cacheDir, silentLogger);
    const first = countingParser();
    const cold = await HubService.open(hub.root, false, first, cache);
    expect(first.parsed.length).toBeGreaterThanOrEqual(7);

    const second = countingParser();
    const warm = await HubService.open(hub.root, false, second, cache);
    expect(second.parsed).toEqual([]);
    expect(warm.overview()).toEqual(cold.overview());

    await writeFile(path.join(hub.root, 'docs', 'no-h1.md'), '# Changed\n\n## New Section\n');
    const third = countingParser();
    const changed = await HubService.open(hub.root, false, third, cache);
    expect(third.parsed).toEqual(['docs/no-h1.md']);
    expect(
      changed
        .allDocs()
        .find((d) => d.path === 'docs/no-h1.md')
        ?.topics.map((t) => t.title),
    ).toEqual(['Changed', 'New Section']);
  });

  it('ignores a corrupt cache file and rewrites it', async () => {
    const cache = fileParseCache(cacheDir, silentLogger);
    await HubService.open(hub.root, false, inProcessParser, cache);
    const [file] = await readdir(cacheDir);
    await writeFile(path.join(cacheDir, file ?? 'x'), '{"format":2,"root":');
    const parser = countingParser();
    const reopened = await HubService.open(hub.root, false, parser, cache);
    expect(parser.parsed.length).toBeGreaterThanOrEqual(7);
    expect(reopened.overview().docCount).toBe(7);
    const again = countingParser();
    await HubService.open(hub.root, false, again, cache);
    expect(again.parsed).toEqual([]);
  });

  it('writes a cache of many pieces (text outside Latin-1 included) that reads back whole', async () => {
    // About 2.4 MB of section text: the cache is written an entry at a time in pieces of 1M characters.
    const section = (i: number): string => `## Part ${i} café\n\n${`Les données 中文 naïve résumé ${i}. `.repeat(60)}\n\n`;
    for (let d = 0; d < 3; d++) {
      await writeFile(path.join(hub.root, `big${d}.md`), `# Big ${d}\n\n${Array.from({ length: 400 }, (_, i) => section(i)).join('')}`);
    }
    const cache = fileParseCache(cacheDir, silentLogger);
    const cold = await HubService.open(hub.root, false, inProcessParser, cache);
    const [file] = (await readdir(cacheDir)).filter((n) => n.startsWith('parsed-'));
    const raw = await readFile(path.join(cacheDir, file ?? 'missing'), 'utf8');
    expect(raw.length).toBeGreaterThan(2_000_000);
    const saved = JSON.parse(raw) as { root: string; entries: Array<[string, { doc?: { texts: unknown } }]> };
    expect(saved.root).toBe(cold.realRoot);
    const docs = new Map(saved.entries.map(([p, e]) => [p, e.doc]));
    for (const doc of cold.allDocs()) {
      expect(docs.get(doc.path)?.texts, doc.path).toEqual(doc.texts);
    }
    const again = countingParser();
    const warm = await HubService.open(hub.root, false, again, cache);
    expect(again.parsed).toEqual([]);
    expect(warm.allDocs()).toEqual(cold.allDocs());
  });
});
