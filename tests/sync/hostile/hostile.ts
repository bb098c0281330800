/** Shared helpers for the hostile sync tests: machines, hand commits pushed to the remote, what each side holds. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Note } from '../../../src/core/db/schema';
import { serialiseNote } from '../../../src/core/sync/noteFile';
import { type Machine, type World, duplicates, filesAt, git, markerFiles } from '../matrix/machines';

export { bodies, duplicates, filesAt, git, held, markerFiles, remoteBodies, restart, world } from '../matrix/machines';
export type { Machine, World };

export const TOPIC = 'docs/guide.md#setup';

export const write = (m: Machine, body: string, topicId: string | null = TOPIC): Promise<Note> => m.study.saveNote({ topicId, title: body, body, tags: [] });
export const edit = (m: Machine, id: string, body: string, topicId: string | null = TOPIC): Promise<Note> => m.study.saveNote({ id, topicId, title: body, body, tags: [] });

/** Syncs each machine in order, twice, expecting every run to succeed. */
export async function converge(machines: readonly Machine[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const m of machines) {
      const r = await m.sync.run();
      expect(r.error, `${m.name}: ${JSON.stringify(r.error)}`).toBeNull();
    }
  }
}

export function healthy(w: World, machines: readonly Machine[]): void {
  for (const m of machines) {
    expect(duplicates(m), `${m.name} holds duplicates`).toEqual([]);
  }
  expect(markerFiles(w, machines)).toEqual([]);
}

let handClones = 0;
/**
 * A commit made by hand (another tool, GitHub's editor, a hostile contributor) in a fresh clone of
 * the remote: `files` maps paths (relative to the repo) to text, null deletes. Pushed to main.
 */
export async function handCommit(w: World, files: Record<string, string | null>, message = 'hand edit'): Promise<void> {
  const dir = path.join(w.base, `hand-${handClones++}`);
  git(w.base, 'clone', '-q', w.remote, dir);
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    if (text === null) {
      git(dir, 'rm', '-q', '-r', '--', rel);
    } else {
      await mkdir(path.dirname(p), { recursive: true });
      await writeFile(p, text);
      git(dir, 'add', '--', rel);
    }
  }
  git(dir, 'commit', '-q', '-m', message);
  git(dir, 'push', '-q', 'origin', 'HEAD:main');
}

/** A note file's text as the app writes it. */
export const noteText = (n: Note): string => serialiseNote(n);

/** Path -> text of our folder's files at the remote's main. */
export const remoteNotes = (w: World, handle = 'ada'): Map<string, string> => new Map([...filesAt(w.remote, 'main', `.nexus/${handle}/notes/`)]);

/** Every note body in the remote's main under `.nexus/<handle>/notes`. */
export const remoteNoteBodies = (w: World, handle = 'ada'): string[] => [...remoteNotes(w, handle).values()].map((t) => t.replace(/^---\n[\s\S]*?\n---\n/, '')).sort();
