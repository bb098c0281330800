/**
 * The two- or three-machine world of the sync matrix and fuzzer: each machine is a data folder and
 * a clone of one bare remote, opened, closed, reset and restored like the real app's back end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Machine, type World, git } from '../../backend/sync/syncHarness';

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
export async function restart(w: World, m: Machine): Promise<Machine> {
  await m.close();
  return w.machine(m.name, { clone: false });
}

/** Simulates a database reset to empty (corruption with no usable backup): closes, wipes, reopens. */
export async function resetDatabase(w: World, m: Machine): Promise<Machine> {
  await m.close();
  await rm(path.join(m.dataDir, 'study.json'), { force: true });
  await rm(path.join(m.dataDir, 'backups'), { recursive: true, force: true });
  return w.machine(m.name, { clone: false });
}

/** Saves a copy of the machine's database file (to restore later). */
export async function saveBackup(m: Machine, name: string): Promise<string> {
  await m.study.store.flush();
  const to = path.join(m.dataDir, `..`, `${m.name}-${name}.json`);
  await copyFile(path.join(m.dataDir, 'study.json'), to);
  return to;
}

/** Restores a saved copy of the database file (an older backup): closes, copies, reopens. */
export async function restoreBackup(w: World, m: Machine, copy: string): Promise<Machine> {
  await m.close();
  await copyFile(copy, path.join(m.dataDir, 'study.json'));
  return w.machine(m.name, { clone: false });
}

const MARKER = /^(<{7}|>{7}|={7})( |$)/m;

/** Files under `.nexus/` at the remote's main (or a clone's work tree) that hold a conflict marker. */
export function markerFiles(w: World, machines: readonly Machine[]): string[] {
  const out: string[] = [];
  const hasMain = execFileSync('git', ['for-each-ref', 'refs/heads/main'], { cwd: w.remote, encoding: 'utf8' }).trim() !== '';
  if (hasMain) {
    for (const f of git(w.remote, 'ls-tree', '-r', '--name-only', 'main').split('\n').filter((x) => x !== '')) {
      if (MARKER.test(git(w.remote, 'show', `main:${f}`))) {
        out.push(`remote:${f}`);
      }
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
  const hasMain = execFileSync('git', ['for-each-ref', 'refs/heads/main'], { cwd: w.remote, encoding: 'utf8' }).trim() !== '';
  if (!hasMain) {
    return [];
  }
  return git(w.remote, 'ls-tree', '-r', '--name-only', 'main', '--', '.nexus/')
    .split('\n')
    .filter((f) => f.endsWith('.md'))
    .map((f) => git(w.remote, 'show', `main:${f}`).replace(/^---\n[\s\S]*?\n---\n/, ''));
}

/** Duplicates on one machine: an id twice, or one body under two notes. */
export function duplicates(m: Machine): string[] {
  const h = held(m);
  const ids = h.map((n) => n.id);
  const bs = h.map((n) => n.body);
  return [...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `id ${id}`), ...bs.filter((b, i) => bs.indexOf(b) !== i).map((b) => `body ${b}`)];
}
