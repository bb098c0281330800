/** Child process for the kill test: syncs machine `name` under `base` and hangs when `pauseAt` starts. */
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
await mkdir(dataDir, { recursive: true });
const ctx = new BackendContext({ bundledHub: oddities, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null }, await HubService.open(oddities, false));
const study = await StudyService.open(ctx);
const sync = await SyncService.open(ctx, study, {
  machine: name,
  git: { env: IDENTITY },
  afterStep: async (step, state) => {
    if (step === pauseAt && state === 'running') {
      await writeFile(path.join(base, 'paused'), step);
      await new Promise(() => undefined);
    }
  },
});
await sync.run();
