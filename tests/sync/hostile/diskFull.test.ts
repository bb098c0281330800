/**
 * A full disk (a real tmpfs) under the data folder during a sync's import step: the branch has
 * moved, the database write fails. Nothing may be lost, the run must say it failed, and the next
 * sync (with space back) must finish the job.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, bodies, converge, edit, healthy, remoteNoteBodies, world, write } from './hostile';

function canMount(): boolean {
  const probe = path.join(os.tmpdir(), `nexus-mount-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const MOUNT = canMount();

let w: World;
const mounted: string[] = [];
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose().catch(() => undefined);
  for (const m of mounted.splice(0)) {
    try {
      execFileSync('umount', ['-l', m], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
});

/** Fills the file system holding `dir` until a write fails (ENOSPC). */
async function fill(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler.bin');
  const chunk = Buffer.alloc(16 * 1024, 1);
  let data = Buffer.alloc(0);
  for (;;) {
    try {
      data = Buffer.concat([data, chunk]);
      await writeFile(filler, data);
    } catch {
      // Keep the largest filler that fit, then top up with small files until nothing fits.
      await writeFile(filler, data.subarray(0, data.length - chunk.length)).catch(() => undefined);
      for (let i = 0; i < 64; i++) {
        try {
          writeFileSync(path.join(dir, `small-${i}`), Buffer.alloc(512, 1));
        } catch {
          break;
        }
      }
      return filler;
    }
  }
}

describe.runIf(MOUNT)('full disk (real tmpfs) during a sync', () => {
  it('the database write fails at import after the branch moved: reported as failed, nothing lost, the next sync recovers', async () => {
    const dataA = path.join(w.base, 'laptop-a-data');
    await mkdir(dataA, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dataA]);
    mounted.push(dataA);
    let fullAt: string | null = null;
    const a = await w.machine('laptop-a', {
      afterStep: async (step, state) => {
        if (step === fullAt && state === 'running') {
          fullAt = null;
          await fill(dataA);
        }
      },
    });
    const b = await w.machine('laptop-b');
    const shared = await write(a, 'shared');
    const doomed = await write(a, 'deleted on b');
    await converge([a, b]);
    await edit(b, shared.id, 'shared edited on b');
    await b.study.deleteNote(doomed.id);
    await write(b, 'new on b');
    await converge([b]);
    await write(a, 'new on a');
    fullAt = 'import';
    const r = await a.sync.run();
    expect(r.ok).toBe(false);
    // The app must not claim the repo's notes are saved here.
    expect(bodies(a)).toEqual(['deleted on b', 'new on a', 'shared']);
    // Space comes back; a new note meanwhile.
    await rm(path.join(dataA, 'filler.bin'), { force: true });
    for (let i = 0; i < 64; i++) {
      await rm(path.join(dataA, `small-${i}`), { force: true });
    }
    await write(a, 'after space came back');
    await converge([a, b]);
    const want = ['after space came back', 'new on a', 'new on b', 'shared edited on b'];
    expect(bodies(a)).toEqual(want);
    expect(bodies(b)).toEqual(want);
    expect(remoteNoteBodies(w)).toEqual(want);
    healthy(w, [a, b]);
  });

  it('the disk fills at the export step (journal, scratch and log writes fail): the run fails, nothing lost, the next sync recovers', async () => {
    const dataA = path.join(w.base, 'laptop-a-data');
    await mkdir(dataA, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dataA]);
    mounted.push(dataA);
    let fullAt: string | null = null;
    const a = await w.machine('laptop-a', {
      afterStep: async (step, state) => {
        if (step === fullAt && state === 'running') {
          fullAt = null;
          await fill(dataA);
        }
      },
    });
    await write(a, 'one');
    await converge([a]);
    await write(a, 'two');
    fullAt = 'export';
    const r = await a.sync.run();
    await rm(path.join(dataA, 'filler.bin'), { force: true });
    for (let i = 0; i < 64; i++) {
      await rm(path.join(dataA, `small-${i}`), { force: true });
    }
    if (r.ok) {
      expect(remoteNoteBodies(w)).toEqual(['one', 'two']);
    }
    await converge([a]);
    expect(bodies(a)).toEqual(['one', 'two']);
    expect(remoteNoteBodies(w)).toEqual(['one', 'two']);
  });
});
