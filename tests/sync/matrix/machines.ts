/**
 * The two- or three-machine world of the sync matrix and fuzzer: each machine is a data folder and
 * a clone of one bare remote, opened, closed, reset and restored like the real app's back end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SyncServiceOptions } from '../../../src/backend/sync/syncService';
import { noteHash } from '../../../src/core/sync/reconcile';
import { parseNote } from '../../../src/core/sync/noteFile';
import { TOMBSTONES_FILE } from '../../../src/core/sync/repoFiles';
import { parseTombstones } from '../../../src/core/sync/tombstoneFile';
import type { Machine, World } from '../../backend/sync/syncHarness';

export { git, world } from '../../backend/sync/syncHarness';
export type { Machine, World };

/** What a machine holds: its notes' ids, bodies and titles. */
export type Held = Array<{ id: string; title: string; body: string }>;

export function held(m: Machine): Held {
  return m.study.store.data.notes.map((n) => ({ id: n.id, title: n.title, body: n.body })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Bodies held by a machine, sorted. */
export const bodies = (m: Machine): string[] => held(m).map((n) => n.body).sort();

/** Closes `m` and opens it again on the same data folder and clone (a restart). */
export async function restart(w: World, m: Machine, opts: SyncServiceOptions = {}): Promise<Machine> {
  await m.close();
  return w.machine(m.name, { ...opts, clone: false });
}

/** Simulates a database reset to empty (corruption with no usable backup): closes, wipes, reopens. */
export async function resetDatabase(w: World, m: Machine, opts: SyncServiceOptions = {}): Promise<Machine> {
  await m.close();
  await rm(path.join(m.dataDir, 'study.json'), { force: true });
  await rm(path.join(m.dataDir, 'backups'), { recursive: true, force: true });
  return w.machine(m.name, { ...opts, clone: false });
}

/** Saves a copy of the machine's database file (to restore later). */
export async function saveBackup(m: Machine, name: string): Promise<string> {
  await m.study.store.flush();
  const to = path.join(m.dataDir, `..`, `${m.name}-${name}.json`);
  await copyFile(path.join(m.dataDir, 'study.json'), to);
  return to;
}

/** Restores a saved copy of the database file (an older backup): closes, copies, reopens. */
export async function restoreBackup(w: World, m: Machine, copy: string, opts: SyncServiceOptions = {}): Promise<Machine> {
  await m.close();
  await copyFile(copy, path.join(m.dataDir, 'study.json'));
  return w.machine(m.name, { ...opts, clone: false });
}

const MARKER = /^(<{7}|>{7}|={7})( |$)/m;

/** Path -> text of every file under `prefix` at `rev` in `cwd` (two git processes), empty when `rev` does not exist. */
export function filesAt(cwd: string, rev: string, prefix = '.nexus/'): Map<string, string> {
  const out = new Map<string, string>();
  let list: string;
  try {
    list = execFileSync('git', ['ls-tree', '-r', '-z', rev, '--', prefix], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return out;
  }
  const entries = list
    .split('\0')
    .filter((l) => l !== '')
    .map((l) => ({ sha: l.split('\t')[0]?.split(' ')[2] ?? '', path: l.slice(l.indexOf('\t') + 1) }));
  if (entries.length === 0) {
    return out;
  }
  const raw = execFileSync('git', ['cat-file', '--batch'], { cwd, input: `${entries.map((e) => e.sha).join('\n')}\n`, maxBuffer: 1 << 28 });
  let at = 0;
  for (const e of entries) {
    const nl = raw.indexOf(10, at);
    const size = Number(raw.subarray(at, nl).toString('latin1').split(' ')[2] ?? '0');
    out.set(e.path, raw.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    at = nl + 1 + size + 1;
  }
  return out;
}

const bodyOf = (text: string): string => text.replace(/^---\n[\s\S]*?\n---\n/, '');

/** Files under `.nexus/` at the remote's main (or a clone's work tree) that hold a conflict marker. */
export function markerFiles(w: World, machines: readonly Machine[]): string[] {
  const out: string[] = [];
  for (const [f, text] of filesAt(w.remote, 'main')) {
    if (MARKER.test(text)) {
      out.push(`remote:${f}`);
    }
  }
  for (const m of machines) {
    const dir = path.join(m.clone, '.nexus');
    for (const f of existsSync(dir) ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>) : []) {
      if (f.isFile() && MARKER.test(readFileSync(path.join(f.parentPath, f.name), 'utf8'))) {
        out.push(`${m.name}:${path.join(f.parentPath, f.name)}`);
      }
    }
  }
  return out;
}

/** Every note body in the remote's main under `.nexus/` (what the repo keeps for the learner). */
export function remoteBodies(w: World): string[] {
  return [...filesAt(w.remote, 'main')].filter(([f]) => f.endsWith('.md')).map(([, t]) => bodyOf(t));
}

/** Every note body the repo holds: the remote's main and each clone's HEAD (unpushed commits count). */
export function repoBodies(w: World, machines: readonly Machine[]): Set<string> {
  const out = new Set(remoteBodies(w));
  for (const m of machines) {
    for (const [f, t] of filesAt(m.clone, 'HEAD')) {
      if (f.endsWith('.md')) {
        out.add(bodyOf(t));
      }
    }
  }
  return out;
}

/** Duplicates on one machine: an id twice, or one body under two notes. */
export function duplicates(m: Machine): string[] {
  const h = held(m);
  const ids = h.map((n) => n.id);
  const bs = h.map((n) => n.body);
  return [...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `id ${id}`), ...bs.filter((b, i) => bs.indexOf(b) !== i).map((b) => `body ${b}`)];
}

/**
 * Note versions some deletion names (`id\0hash`): every database's tombstones and every
 * `tombstones.json` in the repo (the remote's main, each clone's HEAD). A machine holding such a
 * version keeps it only until its next sync.
 */
export function doomedVersions(w: World, machines: readonly Machine[]): Set<string> {
  const out = new Set<string>();
  const add = (t: Readonly<Record<string, { hash: string }>> | null): void => {
    for (const [id, stone] of Object.entries(t ?? {})) {
      out.add(`${id}\0${stone.hash}`);
    }
  };
  const files = [filesAt(w.remote, 'main'), ...machines.map((m) => filesAt(m.clone, 'HEAD'))];
  for (const map of files) {
    for (const [f, text] of map) {
      if (f.endsWith(`/${TOMBSTONES_FILE}`)) {
        add(parseTombstones(text));
      }
    }
  }
  for (const m of machines) {
    add(m.study.store.data.tombstones);
  }
  return out;
}

/** The bodies `m` holds in versions no deletion names (they survive its next sync). */
export function keptBodies(m: Machine, doomed: ReadonlySet<string>): string[] {
  return m.study.store.data.notes.filter((n) => !doomed.has(`${n.id}\0${noteHash(n)}`)).map((n) => n.body);
}

/** The note bodies the repo holds (as repoBodies) in versions no deletion names. */
export function keptRepoBodies(w: World, machines: readonly Machine[], doomed: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const map of [filesAt(w.remote, 'main'), ...machines.map((m) => filesAt(m.clone, 'HEAD'))]) {
    for (const [f, text] of map) {
      const read = f.endsWith('.md') ? parseNote(text) : null;
      if (read?.ok === true && !doomed.has(`${read.note.id}\0${noteHash(read.note)}`)) {
        out.add(read.note.body);
      }
    }
  }
  return out;
}
