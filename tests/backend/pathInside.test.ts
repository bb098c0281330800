import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileUnder, isInside } from '../../src/backend/pathInside';

describe('the one path-containment check', () => {
  const root = path.resolve('/srv/app');

  it('isInside: the folder and below, never beside or above', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, path.join(root, 'a', 'b'))).toBe(true);
    expect(isInside(root, path.join(root, '..foo'))).toBe(true); // a name starting with two dots is inside
    expect(isInside(root, path.resolve(root, '..'))).toBe(false);
    expect(isInside(root, path.resolve('/srv/app-other/x'))).toBe(false);
    expect(isInside(root, path.resolve('/etc/passwd'))).toBe(false);
  });

  it('fileUnder: a URL path to a file below the folder, else null', () => {
    expect(fileUnder(root, '/')).toBe(path.join(root, 'index.html'));
    expect(fileUnder(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
    for (const bad of ['/%E0%A4%A', '/a%00b', '/..%2F..%2Fetc%2Fpasswd', '/../x', '/%2e%2e/x', '/.', '//']) {
      expect(fileUnder(root, bad), bad).toBeNull();
    }
  });
});
