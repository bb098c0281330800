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

/** A spec of one POST /p operation whose request is described by `request` (YAML flow text). */
function patternModel(request: string) {
  return modelOf(`
openapi: 3.0.3
info: { title: P, version: "1" }
paths:
  /p:
    post:
      ${request}
      responses: { "200": { description: ok } }
`);
}

describe('patterns that backtrack for ages in V8 run in linear time', () => {
  // Each of these took minutes in V8 on a crafted value (474 s for `(x|x)*y` on 40 x's, over a
  // minute for `\d+\d+\d+!` on 1000 digits). They now run on RE2: checked, and answered.
  const ATTACKS: { pattern: string; bad: string; good: string }[] = [
    { pattern: '(a+)+$', bad: `${'a'.repeat(20_000)}!`, good: 'a'.repeat(20_000) },
    { pattern: '(.*a){20}', bad: `${'a'.repeat(19)}${'b'.repeat(20_000)}`, good: 'ba'.repeat(10_000) },
    { pattern: '(x|x)*y', bad: 'x'.repeat(20_000), good: `${'x'.repeat(20_000)}y` },
    { pattern: '^(?:a|aa)+$', bad: `${'a'.repeat(20_000)}!`, good: 'a'.repeat(20_000) },
    {
      pattern: '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
      bad: `${'a'.repeat(20_000)}!`,
      good: `${'a'.repeat(20_000)}@example.com`,
    },
    { pattern: '^(?:a[a-z]+)*$', bad: `${'a'.repeat(20_000)}!`, good: 'ab'.repeat(10_000) },
    { pattern: '^(?:-[a-z-]+)*$', bad: `${'-'.repeat(20_000)}!`, good: '-a'.repeat(10_000) },
  ];
  it.each(ATTACKS)('a body field with pattern $pattern is checked: a crafted value gets 400, a fitting one 200', ({ pattern, bad, good }) => {
    const model = patternModel(`requestBody: { content: { application/json: { schema: { type: object, properties: { c: { type: string, pattern: ${JSON.stringify(pattern)} } } } } } }`);
    expect(model.operations[0]?.problems.join()).not.toMatch(/is not checked/);
    const s = session(model);
    const rejected = s.send('POST', '/p', { c: bad });
    expect(rejected.status).toBe(400);
    expect(rejected.body).toMatchObject({ errors: [{ in: 'body', field: 'c' }] });
    expect(s.send('POST', '/p', { c: good }).status).toBe(200);
  });
});

describe('polynomial backtracking', () => {
  // `\d+\d+\d+!` has no group, yet on a 1000-digit string V8 needs over a minute (every split of
  // the digits is tried at every start). RE2 answers in one pass.
  it('a query value of 5000 digits against \\d+\\d+\\d+! is answered 400, and 200 once it ends with !', () => {
    const model = patternModel('parameters: [{ name: q, in: query, schema: { type: string, pattern: "\\\\d+\\\\d+\\\\d+!" } }]');
    expect(model.operations[0]?.problems.join()).not.toMatch(/is not checked/);
    const s = session(model);
    const digits = '1'.repeat(5000);
    const bad = s.send('POST', `/p?q=${digits}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ in: 'query', field: 'q' }] });
    expect(s.send('POST', `/p?q=${digits}!`).status).toBe(200);
  });
});

describe('a big pattern on a long value', () => {
  // Linear, but when RE2's DFA gives up this 2700-instruction program takes ~8 s on 50k characters:
  // each validation has a step budget (program size x characters), past which a value is not checked.
  it('is checked on a short value and left unchecked, not run for seconds, on a 100k-character one', () => {
    const model = patternModel('requestBody: { content: { application/json: { schema: { type: array, items: { type: string, pattern: "[ab].{900}.{900}.{900}[ac]$" } } } } }');
    expect(model.operations[0]?.problems.join()).not.toMatch(/is not checked/);
    const s = session(model);
    expect(s.send('POST', '/p', ['ab'.repeat(20)]).status).toBe(400);
    expect(s.send('POST', '/p', [`a${'b'.repeat(2700)}c`]).status).toBe(200);
    expect(s.send('POST', '/p', ['ab'.repeat(50_000), 'ab'.repeat(50_000)]).status).toBe(200);
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
