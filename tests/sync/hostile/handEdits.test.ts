/** The learner edits note files in the clone by hand: uncommitted (rescued, never lost) and committed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, bodies, converge, git, noteText, remoteNoteBodies, world, write } from './hostile';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

function filesUnder(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name)) : [];
}

describe('hand edits in the clone', () => {
  it('an uncommitted hand edit and a new untracked note file under our folder are rescued and reported, not lost', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'one');
    await converge([a]);
    const notesDir = path.join(a.clone, '.nexus/ada/notes');
    const [file] = filesUnder(notesDir);
    if (file === undefined) {
      throw new Error('no note file');
    }
    await writeFile(file, readFileSync(file, 'utf8').replace(/one$/, 'one, edited by hand'));
    const now = new Date().toISOString();
    await writeFile(path.join(notesDir, 'by-hand.md'), noteText({ id: 'hand-made-1', topicId: null, topicTitle: null, title: 'by hand', body: 'written in an editor', tags: [], createdAt: now, updatedAt: now }));
    await write(a, 'two');
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect(r.summary).toMatch(/copied to/);
    const rescued = filesUnder(path.join(a.dataDir, 'sync', 'rescued')).map((f) => readFileSync(f, 'utf8'));
    expect(rescued.some((t) => t.includes('one, edited by hand'))).toBe(true);
    expect(rescued.some((t) => t.includes('written in an editor'))).toBe(true);
  });

  it('a committed hand edit that breaks the front matter: the file is kept, the note is not lost, one file reported skipped', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    await write(a, 'one');
    await converge([a, b]);
    const [file] = filesUnder(path.join(a.clone, '.nexus/ada/notes'));
    if (file === undefined) {
      throw new Error('no note file');
    }
    await writeFile(file, readFileSync(file, 'utf8').replace('title:', 'title: [unclosed').replace(/one$/, 'one, edited by hand'));
    git(a.clone, 'commit', '-q', '-a', '-m', 'hand edit');
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect(r.counts.skipped).toBe(1);
    await converge([a, b]);
    expect(bodies(a)).toEqual(['one']);
    expect(bodies(b)).toEqual(['one']);
    expect(remoteNoteBodies(w)).toContain('one, edited by hand');
  });
});
