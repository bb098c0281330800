/**
 * Hostile: a parse cache or rendered-doc cache file in the data folder that is valid JSON of the
 * right format but the wrong shape (a flipped byte in a key, an entry that is null, a rendered doc
 * with no tree). Such a file must be ignored like an unreadable one, never crash the open or reach
 * the reader.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubService } from '../../../src/backend/hub/hubService';
import { fileParseCache } from '../../../src/backend/hub/parseCache';
import { inProcessParser } from '../../../src/backend/hub/parsePool';
import { silentLogger } from '../../../src/backend/logger';
import { tempHub } from './tempHub';

describe('parse cache with the wrong shape', () => {
  let hub: Awaited<ReturnType<typeof tempHub>>;
  let cacheDir: string;
  beforeEach(async () => {
    hub = await tempHub();
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-cache-shape-'));
  });
  afterEach(async () => {
    await hub.dispose();
    await rm(cacheDir, { recursive: true, force: true });
  });

  const parsedFile = async (): Promise<string> => {
    const name = (await readdir(cacheDir)).find((n) => n.startsWith('parsed-'));
    return path.join(cacheDir, name ?? 'missing');
  };

  it.each([
    ['a flipped key (topics -> topicr)', (raw: string) => raw.replaceAll('"topics":', '"topicr":')],
    ['a flipped key (anchors -> anchorz)', (raw: string) => raw.replaceAll('"anchors":', '"anchorz":')],
    ['null entries', (raw: string) => raw.replace(/"entries":\[\[/, '"entries":[["x.md",null],[')],
    ['a doc that is a number', (raw: string) => raw.replace(/"doc":\{/, '"doc":7,"was":{')],
  ])('ignores a cache with %s', async (_name, corrupt) => {
    const cache = fileParseCache(cacheDir, silentLogger);
    const cold = await HubService.open(hub.root, false, inProcessParser, cache);
    const file = await parsedFile();
    const raw = await readFile(file, 'utf8');
    const bad = corrupt(raw);
    expect(bad).not.toBe(raw);
    await writeFile(file, bad);
    const warm = await HubService.open(hub.root, false, inProcessParser, cache);
    expect(warm.overview()).toEqual(cold.overview());
    expect(warm.allDocs().every((d) => Array.isArray(d.topics) && Array.isArray(d.anchors))).toBe(true);
  });

  it('ignores a rendered doc with no tree', async () => {
    const cache = fileParseCache(cacheDir, silentLogger);
    const cold = await HubService.open(hub.root, false, inProcessParser, cache);
    const first = cold.allDocs()[0]?.path ?? '';
    const rendered = await cold.doc(first);
    await cold.idle();
    const name = (await readdir(cacheDir)).find((n) => n.startsWith('rendered-'));
    expect(name).toBeDefined();
    const file = path.join(cacheDir, name ?? '');
    const raw = JSON.parse(await readFile(file, 'utf8')) as { doc: Record<string, unknown> };
    delete raw.doc['safeHast'];
    delete raw.doc['topics'];
    await writeFile(file, JSON.stringify(raw));
    const warm = await HubService.open(hub.root, false, inProcessParser, cache);
    const again = await warm.doc(first);
    expect(again.safeHast).toEqual(rendered.safeHast);
    expect(again.topics).toEqual(rendered.topics);
  });
});
