/** The Node the project supports is stated once in package.json `engines`, said in the README, and met by the Node running the tests (CI's). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

const parts = (v: string): number[] => v.replace(/^v/, '').split('.').map(Number);
const atLeast = (v: number[], min: number[]): boolean => {
  for (let i = 0; i < 3; i++) {
    if ((v[i] ?? 0) !== (min[i] ?? 0)) {
      return (v[i] ?? 0) > (min[i] ?? 0);
    }
  }
  return true;
};

describe('supported Node', () => {
  const minimum = /^>=\s*(\d+\.\d+(?:\.\d+)?)$/.exec(pkg.engines.node)?.[1];

  it('engines is one lower bound, and the README prerequisites name the same version', () => {
    expect(minimum).toBeDefined();
    const prerequisites = readme.slice(readme.indexOf('## Prerequisites'), readme.indexOf('## Set up and run'));
    expect(prerequisites).toContain(`Node.js ${minimum ?? '?'} or later`);
  });

  it('the Node running the tests (CI) satisfies engines', () => {
    expect(atLeast(parts(process.version), parts(minimum ?? '999')), `${process.version} vs ${pkg.engines.node}`).toBe(true);
  });
});
