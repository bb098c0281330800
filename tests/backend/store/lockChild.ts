// A process that takes the study database lock on command (the lock race tests spawn several).
// stdin lines: "try <lockFile>" -> prints "won" | "locked" | "error <message>"; "release" -> releases
// what it holds and prints "released"; "exit" -> exits without releasing (like a crash: the lock is
// then only removed by the exit hook, so tests use "crash" to leave it behind).
import { createInterface } from 'node:readline';
import { type DbLock, DbLockedError, acquireLock } from '../../../src/backend/store/dbLock';

const held: DbLock[] = [];
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, arg] = line.split(' ');
  if (cmd === 'try' && arg !== undefined) {
    try {
      held.push(await acquireLock(arg));
      process.stdout.write('won\n');
    } catch (e) {
      process.stdout.write(e instanceof DbLockedError ? 'locked\n' : `error ${String(e)}\n`);
    }
  } else if (cmd === 'release') {
    for (const lock of held.splice(0)) {
      await lock.release();
    }
    process.stdout.write('released\n');
  } else if (cmd === 'crash') {
    // Dies holding the lock, as a killed process would (no exit hook runs on SIGKILL).
    process.kill(process.pid, 'SIGKILL');
  }
}
