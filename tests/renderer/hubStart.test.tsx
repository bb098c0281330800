import { describe, expect, it } from 'vitest';
import { buildHubTree } from '../../src/core/hub/hubTree';
import type { DocSummary } from '../../src/core/hub/types';
import { startDoc } from '../../src/renderer/src/hubStart';

const doc = (path: string): DocSummary => ({ path, title: path, topics: [], encoding: 'utf-8' });

describe('startDoc', () => {
  it('opens the root README when there is one', () => {
    expect(startDoc(buildHubTree([doc('docs/a.md'), doc('README.md'), doc('b.md')]))).toBe('README.md');
  });

  it('opens the shallowest README of a hub without a root one', () => {
    expect(startDoc(buildHubTree([doc('packages/x/README.md'), doc('www/docs/intro.md'), doc('www/README.md')]))).toBe('www/README.md');
  });

  it('opens the first doc in tree order when no folder has a README (nested only)', () => {
    expect(startDoc(buildHubTree([doc('notes/b/two.md'), doc('notes/a/one.md')]))).toBe('notes/a/one.md');
    expect(startDoc(buildHubTree([doc('flowchart.md'), doc('block.md')]))).toBe('block.md');
  });

  it('is null for a hub with no docs', () => {
    expect(startDoc([])).toBeNull();
  });
});
