/** Sync's own files in the data folder: settings, the journal of a running sync, the sync log. */
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SyncRunResult, SyncStepName } from '../../core/api/syncApi';
import { writeFileDurable } from '../store/durableWrite';

/** What the learner chose in Settings > Repository. */
export type SyncSettings = { repoPath: string | null; handle: string | null; useAsHub: boolean };

/** Written before the git steps, removed when a sync ends: its presence at start means a crash. */
export type SyncJournal = { pid: number; startedAt: string; step: SyncStepName; backupRef: string | null; repoPath: string };

const settingsSchema = z.object({ repoPath: z.string().nullable(), handle: z.string().nullable(), useAsHub: z.boolean() });
const journalSchema = z.object({ pid: z.number(), startedAt: z.string(), step: z.string(), backupRef: z.string().nullable(), repoPath: z.string() });
const MAX_LOG = 200;

/** The files under `<data>/sync/`. */
export class SyncFiles {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'sync');
  }

  private async json(name: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as unknown;
    } catch {
      return null;
    }
  }

  async settings(): Promise<SyncSettings> {
    const parsed = settingsSchema.safeParse(await this.json('settings.json'));
    return parsed.success ? parsed.data : { repoPath: null, handle: null, useAsHub: false };
  }

  async saveSettings(s: SyncSettings): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileDurable(path.join(this.dir, 'settings.json'), `${JSON.stringify(s, null, 2)}\n`);
  }

  async journal(): Promise<SyncJournal | null> {
    const parsed = journalSchema.safeParse(await this.json('journal.json'));
    return parsed.success ? (parsed.data as SyncJournal) : null;
  }

  async writeJournal(j: SyncJournal): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileDurable(path.join(this.dir, 'journal.json'), JSON.stringify(j));
  }

  async clearJournal(): Promise<void> {
    await rm(path.join(this.dir, 'journal.json'), { force: true });
  }

  /** A scratch folder for temporary index files and blobs. */
  async scratch(): Promise<string> {
    const d = path.join(this.dir, 'tmp');
    await mkdir(d, { recursive: true });
    return d;
  }

  async appendLog(entry: SyncRunResult): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, 'log.jsonl');
    await appendFile(file, `${JSON.stringify(entry)}\n`);
    const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '');
    if (lines.length > MAX_LOG) {
      await writeFile(file, `${lines.slice(-MAX_LOG).join('\n')}\n`);
    }
  }

  /** Newest first. */
  async log(limit: number): Promise<SyncRunResult[]> {
    const text = await readFile(path.join(this.dir, 'log.jsonl'), 'utf8').catch(() => '');
    const out: SyncRunResult[] = [];
    for (const line of text.split('\n').reverse()) {
      if (out.length >= limit) {
        break;
      }
      try {
        if (line !== '') {
          out.push(JSON.parse(line) as SyncRunResult);
        }
      } catch {
        // A torn last line after a crash: skip it.
      }
    }
    return out;
  }
}
