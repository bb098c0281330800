/** Snippets never show raw HTML, whatever the entry's text still carries; code is shown as written. */
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/search/searchIndex';
import { highlightTitle, makeSnippet, stripTags } from '../../../src/core/search/snippet';
import { entry } from './fixtures';

const README = [
  'Project Nexus',
  '<div align="center">',
  '  <img src="docs/logo.png" alt="Nexus logo" width="120"/>',
  '  <h1>Project Nexus</h1>',
  '</div>',
  '<!-- badges: keep in sync with the CI workflow -->',
  '<details><summary>Caching notes</summary>',
  'Cache invalidation uses a version key per <b>tenant</b>; send the <token> header and read List<String> results.',
  '</details>',
  '<br/>',
  '<table><tr><td>Redis</td><td>cache store</td></tr></table>',
].join('\n');

function shown(h: { text: string; ranges: Array<[number, number]> }): string[] {
  return h.ranges.map(([s, e]) => h.text.slice(s, e));
}

describe('snippets and raw HTML', () => {
  it('strip layout tags and comments, keeping the words between them apart', () => {
    const snippet = makeSnippet(entry('README.md#project-nexus', 'Project Nexus', README), new Set(['invalidation', 'tenant', 'redis']));
    expect(snippet.text).not.toMatch(/<\/?(div|img|h1|details|summary|b|br|table|tr|td)\b|<!--|-->/u);
    expect(snippet.text).toContain('Cache invalidation uses a version key per tenant ;');
    expect(snippet.text).toMatch(/Redis cache store/u);
    expect(shown(snippet)).toEqual(['invalidation', 'tenant', 'Redis']);
  });

  it('keep angle brackets that are not HTML (placeholders, generics)', () => {
    const snippet = makeSnippet(entry('README.md#project-nexus', 'Project Nexus', README), new Set(['header']));
    expect(snippet.text).toContain('send the <token> header and read List<String> results');
  });

  it('show no HTML when nothing matched in the body either', () => {
    const snippet = makeSnippet(entry('README.md#project-nexus', 'Project Nexus', README), new Set(['nothing']));
    expect(snippet.text).not.toMatch(/<\/?(div|img|h1)\b|<!--/u);
    expect(snippet.text.startsWith('Project Nexus Caching notes Cache invalidation')).toBe(true);
  });

  it('show code as written', () => {
    const snippet = makeSnippet(entry('a.md#jsx', 'JSX', 'JSX', { code: 'return <div className="card">{title}</div>;' }), new Set(['classname']));
    expect(snippet.text).toBe('return <div className="card">{title}</div>;');
  });

  it('leave a title’s trailing <br> out', () => {
    expect(highlightTitle('2) Generator in python? <br>', new Set(['generator']))).toEqual({ text: '2) Generator in python?', ranges: [[3, 12]] });
    expect(stripTags('no markup here')).toBe('no markup here');
  });

  it('hold through a real query', () => {
    const index = new SearchIndex();
    index.add(entry('README.md#project-nexus', 'Project Nexus', README));
    const hit = index.search('invalidation tenant').hits[0];
    expect(hit?.snippet.text).not.toMatch(/<\/?(div|img|h1|details|summary|b|br)\b|<!--/u);
    expect(shown(hit!.snippet)).toEqual(['invalidation', 'tenant']);
  });
});
