import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDb } from '../../../src/core/db/loadDb';

const child = path.join(import.meta.dirname, 'crashChild.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the child until it has saved a few notes, then SIGKILLs it after a random delay. */
function runAndKill(file: string, prefix: string): Promise<{ acked: string[]; output: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, file, prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let armed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!armed && output.includes('ready\n')) {
        armed = true;
        setTimeout(() => proc.kill('SIGKILL'), 20 + Math.floor(Math.random() * 300));
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', () => {
      // Only complete lines count as acknowledged.
      const acked = output
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('ack '))
        .map((l) => l.slice(4));
      resolve({ acked, output });
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged note through 20 SIGKILLs at random moments', { timeout: 180_000 }, async () => {
    const file = path.join(dir, 'study.json');
    const allAcked: string[] = [];
    for (let round = 0; round < 20; round++) {
      const { acked, output } = await runAndKill(file, `r${round}`);
      expect(output).toContain('ready');
      allAcked.push(...acked);
      const outcome = loadDb(await readFile(file, 'utf8'));
      expect(outcome.kind, `round ${round}: ${outcome.kind === 'corrupt' ? outcome.reason : ''}`).toBe('ok');
      if (outcome.kind === 'ok') {
        const ids = new Set(outcome.db.notes.map((n) => n.id));
        expect(allAcked.filter((id) => !ids.has(id)), `round ${round}`).toEqual([]);
      }
    }
    // The rounds did save notes (the kills did not all land before the first save).
    expect(allAcked.length).toBeGreaterThan(20);
    // The next open found no corrupt file to move aside.
    expect((await readdir(dir)).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  });
});
