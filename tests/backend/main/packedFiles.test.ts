/**
 * What electron-builder would copy into app.asar besides out/: the production dependency tree.
 * Main bundles every library it loads (electron.vite.config.ts), so that tree must stay empty:
 * a library added to `dependencies` would ship as dead weight (tsx alone brings a native esbuild).
 * Add libraries to devDependencies; only something main must `import` at run time unbundled
 * (a native module) belongs in dependencies, and then in ALLOWED below with its reason.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Production packages the packaged app may carry, with why. None today. */
const ALLOWED: Record<string, string> = {};

type NpmTree = { dependencies?: Record<string, NpmTree> };

/** Every package of the production tree, as `name@version` paths flattened. */
function flatten(tree: NpmTree, into = new Set<string>()): Set<string> {
  for (const [name, child] of Object.entries(tree.dependencies ?? {})) {
    into.add(name);
    flatten(child, into);
  }
  return into;
}

describe('what the packaged app carries', () => {
  it('package.json has no runtime dependency that main does not need unbundled', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const unexpected = Object.keys(pkg.dependencies ?? {}).filter((name) => !(name in ALLOWED));
    expect(unexpected, 'move these to devDependencies: the build bundles them into out/main').toEqual([]);
    expect(pkg.devDependencies).toHaveProperty('electron');
  });

  it('the production dependency tree electron-builder would pack is only what is allowed', () => {
    const res = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json'], {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    expect(res.error).toBeUndefined();
    const packed = [...flatten(JSON.parse(res.stdout) as NpmTree)].sort();
    expect(packed.filter((name) => !(name in ALLOWED))).toEqual([]);
  }, 60_000);
});
