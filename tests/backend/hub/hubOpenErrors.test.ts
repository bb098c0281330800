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

describe('open hub: hostile paths (hostile13)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-open-h13-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('says a symlink loop is a loop, not a raw ELOOP code', async () => {
    const { symlink } = await import('node:fs/promises');
    await symlink(path.join(dir, 'b'), path.join(dir, 'a'));
    await symlink(path.join(dir, 'a'), path.join(dir, 'b'));
    const error = (await checkHubFolder(path.join(dir, 'a')).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).not.toMatch(/ELOOP/);
    expect(error.message).toMatch(/link/i);
  });

  it('refuses a relative path instead of reading a folder relative to wherever the app was started', async () => {
    await expect(checkHubFolder('src')).rejects.toThrow(/full path/);
  });

  it('accepts a path pasted with quotes around it (Windows "Copy as path")', async () => {
    const { normalizeHubPath } = await import('../../../src/backend/hub/hubHandlers');
    expect(normalizeHubPath(`"${dir}"`)).toBe(dir);
    expect(normalizeHubPath(` '${dir}'\n`)).toBe(dir);
    await expect(checkHubFolder(normalizeHubPath(`"${dir}"`))).resolves.toBeUndefined();
  });
});
