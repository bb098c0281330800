import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const oddities = path.resolve(import.meta.dirname, '../../fixtures/hubs/oddities');

/** A throwaway copy of a fixture hub (tests add symlinks, FIFOs, .git... to it). */
export async function tempHub(from = oddities): Promise<{ root: string; dispose(): Promise<void> }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-hub-'));
  const root = path.join(base, 'hub');
  await cp(from, root, { recursive: true });
  return { root, dispose: () => rm(base, { recursive: true, force: true }) };
}
