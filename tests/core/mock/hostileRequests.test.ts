/** Hostile requests to the bundled spec's mock: unicode names, odd encodings, prototype keys. */
import { describe, expect, it } from 'vitest';
import { bundledModel, modelOf, session } from './helpers';

describe('hostile requests', () => {
  it('a category named in unicode gets a slug its own item path accepts: it can be read, changed and deleted', () => {
    const s = session(bundledModel());
    const created = s.send('POST', '/categories/', { name: 'Ñandú 日本 Café' });
    expect(created.status).toBe(201);
    const slug = (created.body as { slug: string }).slug;
    // The spec's slug pattern is ^[a-z0-9]+(?:-[a-z0-9]+)*$ (as Django's slugify makes them).
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slug).toBe('nandu-cafe');
    expect(s.send('GET', `/categories/${encodeURIComponent(slug)}/`).status).toBe(200);
    expect(s.send('DELETE', `/categories/${encodeURIComponent(slug)}/`).status).toBe(204);
    // A long name cut at 80 characters does not end the slug with a dash.
    const tags = session(
      modelOf(`
openapi: 3.0.3
info: { title: Tags, version: "1" }
paths:
  /tags/:
    get: { responses: { "200": { description: ok } } }
    post:
      requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses: { "201": { description: ok, content: { application/json: { schema: { type: object, properties: { slug: { type: string, readOnly: true } } } } } } }
  /tags/{slug}/:
    get:
      parameters: [{ name: slug, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
`),
    );
    const long = tags.send('POST', '/tags/', { name: `${'a'.repeat(79)} b` });
    expect((long.body as { slug?: string }).slug).toBe('a'.repeat(79));
  });

  it('malformed percent-encoding, traversal in ids and prototype names are answered, never thrown', () => {
    const s = session(bundledModel());
    for (const p of [
      '/categories/%E0%A4%A/',
      '/categories/%/',
      '/categories/..%2F..%2Fetc%2Fpasswd/',
      '/categories/../../etc/passwd',
      '__proto__',
      '?',
    ]) {
      expect(s.send('GET', p).status).toBeGreaterThanOrEqual(400);
    }
    expect(s.send('__proto__', '/categories/').status).toBe(405);
    expect(s.send('GET', '/categories/', undefined, { exampleName: '__proto__' }).status).toBe(200);
  });
});

describe('backtracking patterns the first check missed', () => {
  // Each of these took minutes on a 40-character string (474 s for the request below before the fix).
  const RISKY = [
    '(x|x)*y',
    '^(?:a|aa)+$',
    '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
    '^(?:a[a-z]+)*$',
    '^(?:-[a-z-]+)*$',
  ];
  it.each(RISKY)('drops %s and says so', async (pattern) => {
    const { riskyPattern } = await import('../../../src/core/mock/schema');
    expect(riskyPattern(pattern)).toBe(true);
  });

  it('keeps the usual safe patterns', async () => {
    const { riskyPattern } = await import('../../../src/core/mock/schema');
    for (const p of [
      '^[a-z0-9]+(?:-[a-z0-9]+)*$',
      '^[A-Z]{2}$',
      '^\\d+\\.\\d{2}$',
      '^[a-z][a-z0-9_]*$',
      '^(\\+\\d{1,3})?\\d{9,12}$',
      '^(?:\\.[a-z]+)*$',
    ]) {
      expect(riskyPattern(p), p).toBe(false);
    }
  });

  it('a body field with such a pattern is not run against the regex: the request is answered', () => {
    const model = modelOf(`
openapi: 3.0.3
info: { title: R, version: "1" }
paths:
  /r:
    post:
      requestBody: { content: { application/json: { schema: { type: object, properties: { c: { type: string, pattern: "(x|x)*y" } } } } } }
      responses: { "200": { description: ok } }
`);
    expect(model.operations[0]?.problems.join()).toMatch(/\(x\|x\)\*y is not checked/);
    expect(session(model).send('POST', '/r', { c: 'x'.repeat(40) }).status).toBe(200);
  });
});

describe('polynomial backtracking (left: needs a linear-time regex engine or checks off the main thread)', () => {
  // `\d+\d+\d+!` has no group, so riskyPattern keeps it, yet on a 1000-digit string (well under the
  // 8 KiB a query value may be) V8 needs over a minute: every split of the digits is tried at every
  // start. Catching adjacent overlapping quantifiers soundly needs a real regex analysis (or re2),
  // more than a small fix; left as a known defect.
  it.fails('drops a pattern of adjacent overlapping quantifiers', async () => {
    const { riskyPattern } = await import('../../../src/core/mock/schema');
    expect(riskyPattern('\\d+\\d+\\d+!')).toBe(true);
  });
});

describe('a huge list example', () => {
  it('a 190k-item list example (under the 2 MiB spec limit) seeds the collection without overflowing the stack', () => {
    const items = Array.from({ length: 190_000 }, (_, i) => `{"id":${i % 10}}`).join(',');
    const spec = `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/c/":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"example":[${items}]}}}}},"post":{"responses":{"201":{"description":"ok"}}}},"/c/{id}/":{"get":{"responses":{"200":{"description":"ok"}}}}}}`;
    const s = session(modelOf(spec));
    expect(s.send('GET', '/c/').status).toBe(200);
    expect(s.send('POST', '/c/', {}).body).toMatchObject({ id: 10 });
  });
});
