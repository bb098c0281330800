import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubService } from '../../../src/backend/hub/hubService';
import { resolveInHub } from '../../../src/backend/hub/safePath';
import { ApiError } from '../../../src/core/api/result';
import { tempHub } from './tempHub';

describe('HubService', () => {
  let hub: Awaited<ReturnType<typeof tempHub>>;
  beforeEach(async () => {
    hub = await tempHub();
  });
  afterEach(() => hub.dispose());

  it('loads every readable doc, flags the Windows-1252 one and lists the binary one as a problem', async () => {
    const service = await HubService.open(hub.root, false);
    const overview = service.overview();
    expect(overview.docCount).toBe(7);
    expect(overview.tree[0]).toMatchObject({ kind: 'doc', path: 'README.md' });
    const codes = overview.problems.map((p) => `${p.path}:${p.code}`);
    expect(codes).toContain('docs/binary.md:binary');
    expect(codes).toContain('docs/cp1252.md:not-utf8');
    const cp = await service.doc('docs/cp1252.md');
    expect(cp.encoding).toBe('windows-1252');
    expect(cp.title).toBe('Café notes');
  });

  it('serves hub images as data URLs and refuses everything outside the hub', async () => {
    await symlink('/etc/hostname', path.join(hub.root, 'docs', 'escape.md'));
    const service = await HubService.open(hub.root, false);
    const img = await service.asset('assets/dot.png');
    expect(img.dataUrl).toMatch(/^data:image\/png;base64,iVBOR/);
    await expect(service.doc('../../etc/passwd')).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.doc('docs/escape.md')).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.asset('docs/guide.md')).rejects.toBeInstanceOf(ApiError);
  });

  it('resolveInHub rejects absolute paths, traversal, .git and symlinks that leave the hub', async () => {
    await symlink('/etc', path.join(hub.root, 'etc-link'));
    const root = await import('node:fs/promises').then((fs) => fs.realpath(hub.root));
    await expect(resolveInHub(root, '/etc/passwd')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInHub(root, '../x')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInHub(root, '.git/config')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInHub(root, 'etc-link/passwd')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInHub(root, 'docs/guide.md')).resolves.toBe(path.join(root, 'docs/guide.md'));
  });

  it('makes a doc that fails the parser limits a problem, not a crash', async () => {
    await writeFile(path.join(hub.root, 'deep.md'), `${'>'.repeat(10_000)} deep\n`);
    const service = await HubService.open(hub.root, false);
    expect(service.overview().problems).toContainEqual(expect.objectContaining({ path: 'deep.md', code: 'too-deep' }));
    await expect(service.doc('deep.md')).rejects.toMatchObject({ code: 'unavailable' });
    await expect(service.doc('README.md')).resolves.toMatchObject({ title: 'Oddities Hub' });
  });

  it('open refuses a .git folder, a folder inside one or a link to one (forbidden); the repository folder opens', async () => {
    await mkdir(path.join(hub.root, '.git', 'refs'), { recursive: true });
    await writeFile(path.join(hub.root, '.git', 'README.md'), '# not docs\n');
    await symlink(path.join(hub.root, '.git'), path.join(hub.root, 'gitlink'));
    for (const root of [path.join(hub.root, '.git'), path.join(hub.root, '.git', 'refs'), path.join(hub.root, 'gitlink')]) {
      const refused = await HubService.open(root, false).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused, root).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ code: 'forbidden' });
      expect((refused as ApiError).message).toMatch(/\.git folder/);
    }
    await expect(HubService.open(hub.root, false)).resolves.toBeInstanceOf(HubService);
  });
});
