/**
 * Hostile specs: the mock never follows a `$ref` outside the file, never runs anything a spec
 * holds (names, patterns, defaults are data), and keeps generation and state bounded.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/core/mock/schema';
import { modelOf, session } from './helpers';

const NOW = '2026-03-01T12:00:00.000Z';

describe('hostile specs', () => {
  it('never follows a $ref to another file, an absolute path or a URL; says so per operation', () => {
    const spec = `
openapi: 3.1.0
info: { title: Refs, version: "1" }
paths:
  /a:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                local: { $ref: "../../../../etc/passwd" }
                abs: { $ref: "file:///etc/shadow#/x" }
                url: { $ref: "https://evil.example/schema.json" }
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { $ref: "http://169.254.169.254/latest/meta-data" } } }
`;
    const model = modelOf(spec);
    const op = model.operations[0];
    const notes = op?.problems.join('\n') ?? '';
    expect(notes).toContain('../../../../etc/passwd is in another file or URL and is not followed');
    expect(notes).toContain('file:///etc/shadow#/x');
    expect(notes).toContain('https://evil.example/schema.json');
    // The unfollowed schemas accept anything: the request goes through, nothing was fetched.
    const res = session(model).send('POST', '/a', { local: 1, abs: 'x', url: [] });
    expect(res.status).toBe(200);
  });

  it('runs nothing a spec holds: property names, patterns and defaults that look like code are only data', () => {
    const g = globalThis as { __pwned?: unknown };
    delete g.__pwned;
    const spec = `
openapi: 3.1.0
info: { title: Code, version: "1" }
paths:
  /x:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: ["']);globalThis.__pwned=1;//"]
              properties:
                "']);globalThis.__pwned=1;//": { type: string, pattern: "');globalThis.__pwned=2;//" }
                "\${globalThis.__pwned=3}": { type: string, default: "\${globalThis.__pwned=4}" }
                constructor: { type: string }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { "x')+(globalThis.__pwned=5)+('": { type: string, format: "'+(globalThis.__pwned=6)+'" } } }
`;
    const model = modelOf(spec);
    const s = session(model);
    const bad = s.send('POST', '/x', { constructor: 5 });
    expect(bad.status).toBe(400);
    const fields = (bad.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toContain("']);globalThis.__pwned=1;//");
    expect(fields).toContain('constructor');
    // A property named `constructor` is absent unless sent (not the one every object inherits).
    expect(s.send('POST', '/x', { "']);globalThis.__pwned=1;//": "');globalThis.__pwned=2;//" }).status).toBe(200);
    expect(g.__pwned).toBeUndefined();
  });

  it('a __proto__ in a body or an example pollutes nothing', () => {
    const spec = `
openapi: 3.1.0
info: { title: Proto, version: "1" }
paths:
  /things/:
    get:
      responses: { "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: object } } } } } }
    post:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "201": { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } } }
  /things/{id}/:
    patch:
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "200": { description: ok } }
`;
    const s = session(modelOf(spec));
    expect(s.send('POST', '/things/', '{"__proto__": {"polluted": true}, "name": "a"}').status).toBe(201);
    expect(s.send('PATCH', '/things/1/', '{"__proto__": {"polluted": true}}').status).toBe(200);
    expect(s.send('GET', '/things/').status).toBe(200);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a huge resource key is stored (it is the learner data) but the journal stays small', () => {
    const spec = `
openapi: 3.1.0
info: { title: Keys, version: "1" }
paths:
  /tags/:
    post:
      requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses: { "201": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Tag" } } } } }
  /tags/{name}/:
    get:
      parameters: [{ name: name, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Tag" } } } } }
components:
  schemas:
    Tag: { type: object, properties: { name: { type: string } } }
`;
    const s = session(modelOf(spec));
    expect(s.send('POST', '/tags/', { name: 'short' }).status).toBe(201);
    expect(s.state.journal).toHaveLength(1);
    expect(s.send('POST', '/tags/', { name: 'x'.repeat(100_000) }).status).toBe(201);
    expect(s.state.journal).toHaveLength(1);
    expect(JSON.stringify(s.state.journal).length).toBeLessThan(1_000);
  });

  it('generation is bounded on recursive, huge and exponential schemas', () => {
    const ctx = { now: NOW, seq: () => 1 };
    // Mutual recursion through refs: the repeat is cut when the spec is read, so generation ends.
    const spec = `
openapi: 3.1.0
info: { title: Tree, version: "1" }
paths:
  /tree:
    get:
      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/A" } } } } }
components:
  schemas:
    A: { type: object, required: [b, list], properties: { b: { $ref: "#/components/schemas/B" }, list: { type: array, minItems: 1000000000, items: { $ref: "#/components/schemas/A" } } } }
    B: { type: object, properties: { a: { $ref: "#/components/schemas/A" }, s: { type: string, minLength: 1000000000 } } }
`;
    const res = session(modelOf(spec)).send('GET', '/tree');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body).length).toBeLessThan(100_000);
    // Directly: a schema a million items wide and very deep still gives a small value.
    let deep: Record<string, unknown> = { type: 'string', minLength: 1e9 };
    for (let i = 0; i < 500; i++) {
      deep = { type: 'array', minItems: 1e6, items: { type: 'object', properties: { a: deep, b: deep } } };
    }
    const value = generate(deep as never, ctx);
    expect(JSON.stringify(value).length).toBeLessThan(100_000);
  });

  it('a path template with regex characters, a hostile server URL and a pattern that backtracks for ages in V8 are data only', () => {
    const spec = `
openapi: 3.1.0
info: { title: Odd, version: "1" }
servers: [{ url: "javascript:alert(1)" }]
paths:
  "/a(.*)+b/{id}/info":
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: "^(a+)+$" } }]
      responses: { "200": { description: ok, content: { application/json: { example: { ok: true } } } } }
`;
    const model = modelOf(spec);
    expect(model.serverUrl).toBe('');
    const s = session(model);
    // The template's characters are literal: only the exact text routes.
    expect(s.send('GET', '/a(.*)+b/aaaa/info').status).toBe(200);
    expect(s.send('GET', '/aXXXb/aaaa/info').status).toBe(404);
    // The pattern runs on the linear-time engine: a crafted value is answered (400), never hangs.
    expect(s.send('GET', `/a(.*)+b/${'a'.repeat(5000)}!/info`).status).toBe(400);
    expect(s.send('GET', `/a(.*)+b/${'a'.repeat(5000)}/info`).status).toBe(200);
    expect(model.operations[0]?.problems.join()).not.toMatch(/is not checked/);
  });
});
