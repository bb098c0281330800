import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, scanHub } from '../../../src/backend/hub/scanHub';
import { tempHub } from './tempHub';

describe('scanHub', () => {
  let hub: Awaited<ReturnType<typeof tempHub>>;
  beforeEach(async () => {
    hub = await tempHub();
  });
  afterEach(() => hub.dispose());

  it('lists the hub files with posix relative paths, spaces included', async () => {
    const scan = await scanHub(hub.root);
    const paths = scan.files.map((f) => f.path);
    expect(paths).toContain('docs/guide.md');
    expect(paths).toContain('notes folder/file with spaces.md');
    expect(paths).toContain('assets/dot.png');
  });

  it('reports .git, symlinks out of the hub, FIFOs and oversized files as problems, and loads the rest', async () => {
    await mkdir(path.join(hub.root, '.git'));
    await writeFile(path.join(hub.root, '.git', 'config'), '[core]\n');
    await symlink('/etc/hostname', path.join(hub.root, 'docs', 'escape.md'));
    await symlink(path.dirname(hub.root), path.join(hub.root, 'parent-dir'));
    await symlink('guide.md', path.join(hub.root, 'docs', 'inside-link.md'));
    execFileSync('mkfifo', [path.join(hub.root, 'docs', 'pipe.md')]);
    await writeFile(path.join(hub.root, 'docs', 'huge.md'), '');
    await truncate(path.join(hub.root, 'docs', 'huge.md'), MAX_FILE_BYTES + 1);

    const scan = await scanHub(hub.root);
    const byPath = new Map(scan.problems.map((p) => [p.path, p.code]));
    expect(byPath.get('.git')).toBe('git-internal');
    expect(byPath.get('docs/escape.md')).toBe('symlink-outside');
    expect(byPath.get('parent-dir')).toBe('symlink-outside');
    expect(byPath.get('docs/pipe.md')).toBe('special-file');
    expect(byPath.get('docs/huge.md')).toBe('too-large');
    const paths = scan.files.map((f) => f.path);
    expect(paths).toContain('docs/inside-link.md');
    expect(paths.some((p) => p.startsWith('.git'))).toBe(false);
    expect(paths).not.toContain('docs/escape.md');
    expect(paths).toContain('docs/guide.md');
  });

  it('throws for a folder that does not exist', async () => {
    await expect(scanHub(path.join(hub.root, 'nope'))).rejects.toThrow();
  });
});
