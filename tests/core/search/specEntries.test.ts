/**
 * An OpenAPI spec's own text is searchable: `info.title` and `info.description` as the spec's
 * overview, and each tag's description, next to its operations.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpec } from '../../../src/core/openapi/normalise';
import type { ApiSpec } from '../../../src/core/openapi/types';
import { endpointEntry, hastText, specEntries } from '../../../src/core/search/entries';
import { SearchIndex } from '../../../src/core/search/searchIndex';

const SPEC_PATH = 'api-specs/openapi.yml';
const bundledSpec = path.resolve(import.meta.dirname, '../../../resources/hub', SPEC_PATH);

function specOf(relPath: string, text: string): ApiSpec {
  const read = readSpec(relPath, text);
  if (read.kind !== 'spec') {
    throw new Error(`${relPath} is not a spec: ${read.kind}`);
  }
  return read.spec;
}

function indexOf(spec: ApiSpec): SearchIndex {
  const index = new SearchIndex();
  for (const e of [...specEntries(spec), ...spec.operations.map((op) => endpointEntry(op.topic, spec.title))]) {
    index.add(e);
  }
  return index;
}

describe('spec entries', () => {
  const spec = specOf(SPEC_PATH, readFileSync(bundledSpec, 'utf8'));

  it('index the bundled spec’s description: found by words only it holds, opening the reference at its top', () => {
    const index = indexOf(spec);
    for (const q of ['Kenyan shillings', 'ROTATE_REFRESH_TOKENS', 'Prism ignore base path']) {
      const hit = index.search(q, { prefix: false }).hits[0];
      expect(hit, q).toMatchObject({ key: `spec:${SPEC_PATH}`, kind: 'endpoint', docPath: SPEC_PATH, slug: null, topicId: null, docTitle: 'Nexus Shop API' });
    }
  });

  it('index each tag description under the spec’s title', () => {
    const index = indexOf(spec);
    const hit = index.search('capture runs asynchronously celery', { prefix: false }).hits[0];
    expect(hit).toMatchObject({ key: `spec:${SPEC_PATH}#tag:Payments`, docPath: SPEC_PATH, slug: null, headingPath: ['Nexus Shop API'] });
    expect(hit?.title.text).toBe('Payments');
    expect(hit?.snippet.text).toContain('Capture runs asynchronously in a Celery task.');
  });

  it('give the description as plain text: no markup, paragraphs apart', () => {
    const [overview] = specEntries(spec);
    expect(overview?.body).toContain('Nexus Shop is the small e-commerce backend');
    expect(overview?.body).toContain('Authentication. Obtain a token pair');
    // `<token>` is code in the description, shown as written; markdown and tags are gone.
    expect(overview?.body).toContain('Authorization: Bearer <token>');
    expect(overview?.body).not.toMatch(/\*\*|`|<\/?(p|strong|code)\b/u);
    // Paragraphs and list items never run together.
    const text = hastText({
      type: 'root',
      children: [
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Hashing' }] },
        {
          type: 'element',
          tagName: 'ul',
          properties: {},
          children: [
            { type: 'element', tagName: 'li', properties: {}, children: [{ type: 'text', value: 'async' }] },
            { type: 'element', tagName: 'li', properties: {}, children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: 'limits' }] }, { type: 'text', value: 'x' }] },
          ],
        },
      ],
    });
    expect(text).toBe('Hashing async limitsx');
  });

  it('make a spec with no description and no operations findable by its title', () => {
    const bare = specOf('api/openapi.yaml', 'openapi: 3.0.0\ninfo:\n  title: Example API Specification\n  version: 1.0.0\npaths: {}\n');
    const entries = specEntries(bare);
    expect(entries).toEqual([
      { key: 'spec:api/openapi.yaml', kind: 'endpoint', docPath: 'api/openapi.yaml', docTitle: 'Example API Specification', topicId: null, slug: null, title: 'Example API Specification', headingPath: [], keywords: '', body: '', code: '' },
    ]);
    expect(indexOf(bare).search('example api spec').hits.map((h) => h.key)).toEqual(['spec:api/openapi.yaml']);
  });

  it('skip tags without a description (their operations are found already)', () => {
    const spec2 = specOf(
      'b.yml',
      'openapi: 3.0.0\ninfo:\n  title: B\n  version: "1"\ntags:\n  - name: Plain\n  - name: Told\n    description: Told **apart**.\npaths:\n  /a:\n    get:\n      tags: [Plain, Told]\n      responses:\n        "200":\n          description: ok\n',
    );
    expect(specEntries(spec2).map((e) => [e.key, e.body])).toEqual([
      ['spec:b.yml', ''],
      ['spec:b.yml#tag:Told', 'Told apart.'],
    ]);
  });
});
