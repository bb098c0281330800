/** Rotating backups of the study database in `<data>/backups/`. */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { type BackupEntry, type BackupPolicy, DEFAULT_BACKUP_POLICY, backupDue, backupsToPrune } from '../../core/db/backupPolicy';
import { type LoadOutcome, loadDb } from '../../core/db/loadDb';
import { writeFileDurable } from './durableWrite';

const NAME = /^(study|pre-migration)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z(?:-[a-z0-9-]+)?\.json$/;

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

/** A backup on disk. */
export type BackupFile = BackupEntry & { file: string; kind: 'study' | 'pre-migration' };

/** The backups folder of one database. */
export class Backups {
  constructor(
    readonly dir: string,
    private readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  ) {}

  /** Every backup, newest first. */
  async list(): Promise<BackupFile[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: BackupFile[] = [];
    for (const name of names) {
      const m = NAME.exec(name);
      if (m !== null) {
        const [, kind, y, mo, d, h, mi, s, ms] = m;
        const takenAt = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
        out.push({ name, takenAt, file: path.join(this.dir, name), kind: kind as BackupFile['kind'] });
      }
    }
    return out.sort((a, b) => b.takenAt - a.takenAt);
  }

  /** Writes a routine backup when one is due, then prunes by the policy. Returns the new file or null. */
  async rotate(text: string, now: number): Promise<string | null> {
    const routine = (await this.list()).filter((b) => b.kind === 'study');
    if (!backupDue(routine, now, this.policy)) {
      return null;
    }
    const file = await this.write('study', text, now);
    const after = (await this.list()).filter((b) => b.kind === 'study');
    for (const old of backupsToPrune(after, now, this.policy)) {
      await rm(path.join(this.dir, old.name), { force: true });
    }
    return file;
  }

  /** Writes a backup of `kind` (a suffix names its reason). */
  async write(kind: BackupFile['kind'], text: string, now: number, suffix = ''): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${kind}-${stamp(now)}${suffix !== '' ? `-${suffix}` : ''}.json`);
    await writeFileDurable(file, text);
    return file;
  }

  /** The newest backup that loads cleanly (migrated if old), or null. */
  async newestGood(): Promise<{ file: string; outcome: Extract<LoadOutcome, { kind: 'ok' }> } | null> {
    for (const b of await this.list()) {
      const text = await readFile(b.file, 'utf8').catch(() => null);
      const outcome = text !== null ? loadDb(text) : null;
      if (outcome?.kind === 'ok') {
        return { file: b.file, outcome };
      }
    }
    return null;
  }
}
