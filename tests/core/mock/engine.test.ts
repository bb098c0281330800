import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { handleMockRequest } from '../../../src/core/mock/engine';
import { readSpec } from '../../../src/core/openapi/normalise';
import { emptyMockState, isMockState } from '../../../src/core/mock/types';
import { AUTH, NOW, bundledModel, session } from './helpers';

const model = bundledModel();

describe('mock of the bundled spec: roles', () => {
  it('reads every operation and gives CRUD roles to collections and items', () => {
    const role = (method: string, template: string): string | undefined =>
      model.operations.find((o) => o.method === method && o.template === template)?.role;
    expect(role('POST', '/categories/')).toBe('create');
    expect(role('GET', '/categories/')).toBe('list');
    expect(role('GET', '/categories/{slug}/')).toBe('read');
    expect(role('PATCH', '/categories/{slug}/')).toBe('update');
    expect(role('PUT', '/products/{productId}/')).toBe('replace');
    expect(role('DELETE', '/products/{productId}/')).toBe('delete');
    expect(role('POST', '/auth/token/')).toBe('static');
    // An action on an order, and a singleton: neither is a collection of its own.
    expect(role('POST', '/orders/{orderId}/cancel/')).toBe('action');
    expect(role('GET', '/customers/me/')).toBe('singleton');
    expect(model.basePath).toBe('/api/v1');
  });

  it('names operations with the same slugs as the API reference', () => {
    const text = readFileSync(path.join(__dirname, '../../../resources/hub/api-specs/openapi.yml'), 'utf8');
    const read = readSpec('api-specs/openapi.yml', text);
    expect(read.kind).toBe('spec');
    const reference = read.kind === 'spec' ? read.spec.operations.map((o) => `${o.topic.method} ${o.topic.path} ${o.slug}`) : [];
    expect(model.operations.map((o) => `${o.method} ${o.template} ${o.slug}`)).toEqual(reference);
  });
});

describe('mock of the bundled spec: state', () => {
  it('POST then GET: a created category is returned by its item path and listed by the collection', () => {
    const s = session(model);
    const created = s.send('POST', '/categories/', { name: 'Board Games', description: 'Strategy games.' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 5, name: 'Board Games', slug: 'board-games', description: 'Strategy games.' });
    expect(created.headers['location']).toBe('/categories/board-games/');

    const one = s.send('GET', '/categories/board-games/');
    expect(one.status).toBe(200);
    expect(one.body).toEqual(created.body);

    const list = s.send('GET', '/categories/');
    expect(list.status).toBe(200);
    // The spec's list example seeds the collection (ids 3 and 4), so the new one comes third.
    expect(list.body).toMatchObject({ count: 3, next: null, previous: null });
    expect((list.body as { results: { slug: string }[] }).results.map((c) => c.slug)).toEqual(['books', 'kitchen', 'board-games']);
  });

  it('integer ids increment, read-only fields come from the server, PUT replaces, PATCH changes, DELETE removes', () => {
    const s = session(model);
    const body = { name: 'Stovetop Kettle XL', price: '39.90', stock: 3, category: 'kitchen' };
    const a = s.send('POST', '/products/', body);
    const b = s.send('POST', '/products/', { ...body, name: 'Teapot' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ id: 8, slug: 'stovetop-kettle-xl', currency: 'KES', is_active: true, created_at: NOW, updated_at: NOW });
    expect(b.body).toMatchObject({ id: 9, name: 'Teapot', slug: 'teapot' });

    const patched = s.send('PATCH', '/products/8/', { price: '29.90' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: 8, name: 'Stovetop Kettle XL', price: '29.90', stock: 3 });

    const replaced = s.send('PUT', '/products/8/', { name: 'Kettle', price: '10.00', stock: 1, category: 'kitchen' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: 8, name: 'Kettle', price: '10.00', currency: 'KES' });
    expect(replaced.body).not.toHaveProperty('description');

    const gone = s.send('DELETE', '/products/8/');
    expect(gone.status).toBe(204);
    expect(gone.body).toBeNull();
    expect(s.send('GET', '/products/8/').status).toBe(404);
    expect(s.send('GET', '/products/9/').status).toBe(200);
  });

  it('lists with DRF pagination: count, next, previous and results, page and page_size honoured', () => {
    const s = session(model);
    for (const name of ['A', 'B', 'C']) {
      expect(s.send('POST', '/categories/', { name }).status).toBe(201);
    }
    const page2 = s.send('GET', '/categories/?page=2&page_size=2');
    expect(page2.status).toBe(200);
    const body = page2.body as { count: number; next: string | null; previous: string | null; results: { name: string }[] };
    expect(Object.keys(body)).toEqual(['count', 'next', 'previous', 'results']);
    expect(body.count).toBe(5);
    expect(body.results.map((r) => r.name)).toEqual(['A', 'B']);
    expect(body.next).toBe('http://localhost:8000/api/v1/categories/?page_size=2&page=3');
    expect(body.previous).toBe('http://localhost:8000/api/v1/categories/?page_size=2');
    const last = s.send('GET', '/categories/', undefined, { query: { page: '3', page_size: '2' } });
    expect(last.body).toMatchObject({ count: 5, next: null });
    expect(s.send('GET', '/categories/?page=9').status).toBe(404);
    // Filters named like a field, and ordering.
    const kitchen = s.send('GET', '/products/?category=kitchen');
    expect((kitchen.body as { count: number }).count).toBe(1);
    const ordered = s.send('GET', '/categories/?ordering=-name');
    expect((ordered.body as { results: { name: string }[] }).results[0]?.name).toBe('Kitchen');
  });

  it('keeps nested collections apart and refuses a duplicate key with 409', () => {
    const s = session(model);
    expect(s.send('POST', '/categories/', { name: 'Toys' }).status).toBe(201);
    const dup = s.send('POST', '/categories/', { name: 'Other', slug: 'toys' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ errors: [{ in: 'body', field: 'slug' }] });
    const review = s.send('POST', '/products/7/reviews/', { rating: 5, title: 'Great', body: 'Boils fast.' });
    expect(review.status).toBe(201);
    const id = (review.body as { id: number }).id;
    // Product 8 does not exist yet: its reviews are 404, not a phantom empty collection.
    expect(s.send('GET', '/products/8/reviews/').status).toBe(404);
    expect(s.send('POST', '/products/', { name: 'Teapot', price: '9.90', stock: 1, category: 'kitchen' }).status).toBe(201);
    expect((s.send('GET', '/products/8/reviews/').body as { count: unknown }).count).toBe(0);
    // /reviews/{reviewId}/ has no collection of its own: the review is found in /products/7/reviews/.
    expect(s.send('PATCH', `/reviews/${id}/`, { rating: 4 }).body).toMatchObject({ id, rating: 4 });
    expect(s.send('DELETE', `/reviews/${id}/`).status).toBe(204);
  });

  it('leaves the state it was given untouched and returns a plain serialisable state', () => {
    const before = emptyMockState();
    const out = handleMockRequest(
      model,
      before,
      { method: 'POST', path: '/categories/', headers: AUTH, body: '{"name":"X"}' },
      { now: NOW },
    );
    expect(before).toEqual(emptyMockState());
    expect(out.changed).toBe(true);
    expect(isMockState(JSON.parse(JSON.stringify(out.state)))).toBe(true);
    const read = handleMockRequest(model, out.state, { method: 'GET', path: '/categories/x/' }, { now: NOW });
    expect(read.response.status).toBe(200);
    expect(read.changed).toBe(false);
    expect(read.state).toBe(out.state);
  });

  it('reset is an empty state: the created resources are gone, the seed examples are back', () => {
    const s = session(model);
    s.send('POST', '/categories/', { name: 'Board Games' });
    s.state = emptyMockState();
    expect(s.send('GET', '/categories/board-games/').status).toBe(404);
    expect(s.send('GET', '/categories/').body).toMatchObject({ count: 2 });
  });
});

describe('mock of the bundled spec: errors', () => {
  it('404 for an unknown route, 405 with Allow for a wrong method', () => {
    const s = session(model);
    const unknown = s.send('GET', '/nothing/here/');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    expect(unknown.operation).toBeNull();
    const wrong = s.send('DELETE', '/products/');
    expect(wrong.status).toBe(405);
    expect(wrong.headers['allow']).toBe('GET, POST');
    expect(wrong.body).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('401 when the operation needs credentials and none are given; public operations need none', () => {
    const s = session(model);
    const denied = s.send('POST', '/categories/', { name: 'X' }, { headers: {} });
    expect(denied.status).toBe(401);
    expect(denied.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(s.send('GET', '/orders/', undefined, { headers: { authorization: 'Basic abc' } }).status).toBe(401);
    expect(s.send('GET', '/categories/', undefined, { headers: {} }).status).toBe(200);
    expect(s.send('POST', '/auth/token/', { username: 'ada', password: 'pw' }, { headers: {} }).status).toBe(200);
  });

  it('400 problem+json naming each failing body field', () => {
    const s = session(model);
    const bad = s.send('POST', '/products/', { name: 'K', price: '1', stock: -1 });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toBe('application/problem+json');
    expect(bad.body).toMatchObject({ type: 'about:blank', status: 400, title: 'Bad Request' });
    const errors = (bad.body as { errors: { in: string; field: string; message: string }[] }).errors;
    expect(errors.map((e) => `${e.in}:${e.field}`).sort()).toEqual(['body:category', 'body:price', 'body:stock']);
    expect(errors.find((e) => e.field === 'category')?.message).toBe('is required');
    // Nothing was created.
    expect(s.state.collections['/products/']).toBeUndefined();
  });

  it('400 for a body that is not JSON, a missing required body, and bad path and query parameters', () => {
    const s = session(model);
    expect(s.send('POST', '/categories/', '{"name":').body).toMatchObject({ errors: [{ in: 'body', field: '' }] });
    expect(s.send('POST', '/categories/').status).toBe(400);
    const badPath = s.send('GET', '/products/abc/');
    expect(badPath.status).toBe(400);
    expect(badPath.body).toMatchObject({ errors: [{ in: 'path', field: 'productId', message: 'must be integer' }] });
    const badQuery = s.send('GET', '/products/?page_size=500&ordering=colour');
    expect((badQuery.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['ordering', 'page_size']);
    // The slug pattern (the separator idiom) is kept and checked.
    expect(s.send('GET', '/categories/Not_A_Slug/').body).toMatchObject({ errors: [{ in: 'path', field: 'slug' }] });
    // minProperties on a PATCH body.
    expect(s.send('PATCH', '/categories/books/', {}).status).toBe(400);
  });

  it('422 when the operation declares 422 and not 400', () => {
    const op = model.operations.find((o) => o.template === '/categories/' && o.method === 'POST');
    expect(op).toBeDefined();
    const tweaked = {
      ...model,
      operations: model.operations.map((o) =>
        o === op ? { ...o, responses: o.responses.map((r) => (r.status === '400' ? { ...r, status: '422' } : r)) } : o,
      ),
    };
    const out = handleMockRequest(
      tweaked,
      emptyMockState(),
      { method: 'POST', path: '/categories/', headers: AUTH, body: '{"name": 5}' },
      { now: NOW },
    );
    expect(out.response.status).toBe(422);
    expect(out.response.body).toMatchObject({ errors: [{ in: 'body', field: 'name', message: 'must be string' }] });
  });

  it('accepts the server base path and a missing trailing slash', () => {
    const s = session(model);
    expect(s.send('GET', '/api/v1/categories/').status).toBe(200);
    expect(s.send('GET', '/categories').status).toBe(200);
  });
});

describe('mock of the bundled spec: examples', () => {
  it('answers a static operation with the chosen named example, the first one by default', () => {
    const s = session(model);
    const token = s.send('POST', '/auth/token/', { username: 'ada', password: 'pw' }, { headers: {} });
    expect(token.example).toBe('example');
    expect((token.body as { access: string }).access).toMatch(/^eyJ/);
    expect(s.send('GET', '/products/').examples).toEqual(['firstPage', 'emptyPage']);
  });
});
