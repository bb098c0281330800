import { describe, expect, it } from 'vitest';
import { normalizeHubPath, resolveLink } from '../../../src/core/hub/links';

const files = new Set(['README.md', 'docs/a.md', 'docs/api/index.md', 'guide/README.md', 'img/x.png', 'docs/b.md']);

describe('resolveLink', () => {
  it.each([
    ['docs/a.md', 'b.md', 'doc', 'docs/b.md'],
    ['docs/a.md', './b.md#sec', 'doc', 'docs/b.md#sec'],
    ['docs/a.md', '../README.md', 'doc', 'README.md'],
    ['docs/a.md', '/guide/', 'doc', 'guide/README.md'],
    ['docs/a.md', 'api/', 'doc', 'docs/api/index.md'],
    ['docs/a.md', 'b', 'doc', 'docs/b.md'],
    ['docs/a.md', '../img/x.png', 'asset', 'img/x.png'],
    ['docs/a.md', '#local', 'anchor', 'docs/a.md#local'],
    ['docs/a.md', 'https://x.org', 'external', 'https://x.org'],
    ['docs/a.md', '//cdn.example/x', 'external', 'https://cdn.example/x'],
  ])('%s -> %s is %s', (doc, href, kind, target) => {
    expect(resolveLink(doc, href, files)).toEqual({ kind, target });
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.c'])('blocks %s', (href) => {
    expect(resolveLink('docs/a.md', href, files).kind).toBe('blocked');
  });

  it('marks missing files and paths above the hub root as broken', () => {
    expect(resolveLink('docs/a.md', 'missing.md', files)).toEqual({ kind: 'broken', target: 'docs/missing.md' });
    expect(resolveLink('docs/a.md', '../../../etc/passwd', files)).toEqual({ kind: 'broken', target: null });
  });

  it('normalises paths without climbing above the root', () => {
    expect(normalizeHubPath('a/b/c.md', '../d/./e.md')).toBe('a/d/e.md');
    expect(normalizeHubPath('a.md', '../x.md')).toBeNull();
  });
});
