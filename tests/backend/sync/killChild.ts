/**
 * Child process for the kill test: syncs machine `name` under `base` and, when step `pauseAt`
 * starts, leaves a real git holding `.git/index.lock` (as a git step cut off mid-write would)
 * and waits to be SIGKILLed together with its process group.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BackendContext } from '../../../src/backend/context';
import { HubService } from '../../../src/backend/hub/hubService';
import { silentLogger } from '../../../src/backend/logger';
import { StudyService } from '../../../src/backend/study/studyService';
import { SyncService } from '../../../src/backend/sync/syncService';
import { IDENTITY, oddities } from './syncHarness';

const [base = '', name = '', pauseAt = 'import'] = process.argv.slice(2);
const dataDir = path.join(base, `${name}-data`);
const clone = path.join(base, `${name}-repo`);
await mkdir(dataDir, { recursive: true });
const ctx = new BackendContext({ bundledHub: oddities, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null }, await HubService.open(oddities, false));
const study = await StudyService.open(ctx);
const sync = await SyncService.open(ctx, study, {
  machine: name,
  git: { env: IDENTITY },
  afterStep: async (step, state) => {
    if (step !== pauseAt || state !== 'running') {
      return;
    }
    // `update-index --index-info` takes index.lock, then reads stdin, which never ends. It is in
    // our process group, so the test's group SIGKILL leaves the lock behind like a power cut.
    const holder = spawn('git', ['update-index', '--index-info'], { cwd: clone, stdio: ['pipe', 'ignore', 'ignore'] });
    for (let i = 0; i < 100; i++) {
      const { existsSync } = await import('node:fs');
      if (existsSync(path.join(clone, '.git', 'index.lock'))) {
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await writeFile(path.join(base, 'paused'), `${step} ${holder.pid ?? ''}`);
    // A pending timer keeps the event loop alive: a bare never-settling promise would let Node exit
    // by itself (code 13, running the exit handlers that release the database lock) before the kill.
    await new Promise(() => setInterval(() => undefined, 60_000));
  },
});
await sync.run();
