import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkHubFolder } from '../../../src/backend/hub/hubHandlers';
import { ApiError } from '../../../src/core/api/result';

describe('checkHubFolder (open hub with a bad path)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-open-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('accepts an existing folder', async () => {
    await expect(checkHubFolder(dir)).resolves.toBeUndefined();
  });

  it('says there is no folder instead of a raw ENOENT realpath', async () => {
    const missing = path.join(dir, 'nope');
    const error = await checkHubFolder(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not-found');
    expect((error as ApiError).message).toContain(missing);
    expect((error as ApiError).message).toMatch(/no folder at this path/);
    expect((error as ApiError).message).not.toMatch(/ENOENT|realpath/);
  });

  it('says a file is not a folder', async () => {
    const file = path.join(dir, 'notes.md');
    await writeFile(file, '# hi');
    await expect(checkHubFolder(file)).rejects.toThrow(/is a file, not a folder/);
    await expect(checkHubFolder(path.join(file, 'below'))).rejects.toThrow(/is a file, not a folder/);
  });
});
