import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/core/mock/engine';
import { type ExerciseStatus, exerciseStatus, exercisesOf } from '../../../src/core/mock/exercises';
import { NOW, bundledModel, modelOf, session } from './helpers';

const model = bundledModel();

const doneOf = (statuses: ExerciseStatus[], id: string): boolean[] => statuses.find((e) => e.id === id)?.steps.map((s) => s.done) ?? [];

describe('exercises of the bundled spec', () => {
  it('has the curated sequences and a generic one for other tags with a collection', () => {
    const exercises = exercisesOf(model);
    const catalogue = exercises.find((e) => e.id === 'catalogue');
    expect(catalogue?.steps.map((s) => s.op)).toEqual(['createcategory', 'createproduct', 'listproducts']);
    expect(exercises.map((e) => e.id)).toEqual(expect.arrayContaining(['catalogue', 'reviews', 'orders']));
    // Every step names an operation of the spec.
    const slugs = new Set(model.operations.map((o) => o.slug));
    expect(exercises.flatMap((e) => e.steps.map((s) => s.op)).every((s) => slugs.has(s))).toBe(true);
    // Categories has no curated sequence: it gets create -> read -> list.
    const categories = exercises.find((e) => e.tag === 'Categories');
    expect(categories?.steps.map((s) => s.check.kind)).toEqual(['create', 'read', 'list']);
  });

  it('checks the steps against the mock state: create a category, add a product to it, list the products of the category', () => {
    const s = session(model);
    expect(doneOf(exerciseStatus(model, s.state), 'catalogue')).toEqual([false, false, false]);
    // A product in an existing (seeded) category does not count as "add a product to it".
    expect(s.send('POST', '/products/', { name: 'Mug', price: '5.00', stock: 1, category: 'kitchen' }).status).toBe(201);
    expect(doneOf(exerciseStatus(model, s.state), 'catalogue')).toEqual([false, false, false]);
    expect(s.send('POST', '/categories/', { name: 'Board Games' }).status).toBe(201);
    expect(doneOf(exerciseStatus(model, s.state), 'catalogue')).toEqual([true, false, false]);
    // Listing before the product exists shows nothing of the learner's.
    s.send('GET', '/products/?category=board-games');
    expect(doneOf(exerciseStatus(model, s.state), 'catalogue')).toEqual([true, false, false]);
    expect(s.send('POST', '/products/', { name: 'Chess Set', price: '25.00', stock: 2, category: 'board-games' }).status).toBe(201);
    expect(doneOf(exerciseStatus(model, s.state), 'catalogue')).toEqual([true, true, false]);
    expect(s.send('GET', '/products/?category=board-games').status).toBe(200);
    const status = exerciseStatus(model, s.state).find((e) => e.id === 'catalogue');
    expect(status?.steps.map((x) => x.done)).toEqual([true, true, true]);
    expect(status?.done).toBe(true);
    // Deleting the product undoes the steps that rest on it: the state is the truth.
    const productId = (s.send('GET', '/products/?category=board-games').body as { results: { id: number }[] }).results[0]?.id;
    expect(s.send('DELETE', `/products/${productId}/`).status).toBe(204);
    expect(doneOf(exerciseStatus(model, s.state), 'catalogue')).toEqual([true, false, false]);
  });

  it('a nested sequence: review a new product, list its reviews', () => {
    const s = session(model);
    const product = s.send('POST', '/products/', { name: 'Teapot', price: '9.90', stock: 1, category: 'kitchen' });
    const id = (product.body as { id: number }).id;
    // Reviewing the seeded product 7 is not reviewing the product the learner made.
    expect(s.send('POST', '/products/7/reviews/', { rating: 5, title: 'Hot', body: 'Boils fast.' }).status).toBe(201);
    expect(doneOf(exerciseStatus(model, s.state), 'reviews')).toEqual([true, false, false]);
    expect(s.send('POST', `/products/${id}/reviews/`, { rating: 4, title: 'Nice', body: 'Pours well.' }).status).toBe(201);
    expect(s.send('GET', `/products/${id}/reviews/`).status).toBe(200);
    expect(doneOf(exerciseStatus(model, s.state), 'reviews')).toEqual([true, true, true]);
  });

  it('an action sequence: place an order, read it, cancel it (a second cancel is 409)', () => {
    const s = session(model);
    const order = s.send('POST', '/orders/', { shipping_address: 2, items: [{ product: 7, quantity: 1 }] });
    expect(order.status).toBe(201);
    const id = (order.body as { id: number }).id;
    expect(s.send('GET', `/orders/${id}/`).status).toBe(200);
    expect(doneOf(exerciseStatus(model, s.state), 'orders')).toEqual([true, true, false]);
    const cancelled = s.send('POST', `/orders/${id}/cancel/`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id, status: 'cancelled', updated_at: NOW });
    expect(doneOf(exerciseStatus(model, s.state), 'orders')).toEqual([true, true, true]);
    expect(s.send('POST', `/orders/${id}/cancel/`).status).toBe(409);
    expect((s.send('GET', `/orders/${id}/`).body as { status: string }).status).toBe('cancelled');
  });

  it('ignores a damaged journal instead of failing', () => {
    const s = session(model);
    s.send('POST', '/categories/', { name: 'Toys' });
    const damaged = { ...s.state, journal: [...(s.state.journal ?? []), { op: 3 } as never, null as never] };
    expect(doneOf(exerciseStatus(model, damaged), 'catalogue')).toEqual([true, false, false]);
  });
});

describe('actions, singletons and nested collections store nothing wrongly', () => {
  it('an action on a missing resource is 404 and creates nothing', () => {
    const s = session(model);
    const before = JSON.stringify(s.state);
    expect(s.send('POST', '/orders/999999/cancel/').status).toBe(404);
    expect(s.send('POST', '/orders/999999/items/', { product: 7, quantity: 1 }).status).toBe(404);
    expect(JSON.stringify(s.state)).toBe(before);
    expect(Object.keys(s.state.collections)).not.toContain('/orders/999999/items/');
  });

  it('GET /customers/me/ is one object, changed by PATCH, never a collection', () => {
    const s = session(model);
    const me = s.send('GET', '/customers/me/');
    expect(me.status).toBe(200);
    expect(Array.isArray(me.body)).toBe(false);
    const patched = s.send('PATCH', '/customers/me/', { first_name: 'Ada' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ first_name: 'Ada' });
    expect(s.send('GET', '/customers/me/').body).toMatchObject({ first_name: 'Ada' });
    expect(Object.keys(s.state.collections)).not.toContain('/customers/me/');
  });
});

describe('response validation', () => {
  it('shows where the spec example does not fit its own response schema', () => {
    const spec = `
openapi: 3.1.0
info: { title: T, version: "1" }
paths:
  /info:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [id, price]
                properties: { id: { type: integer }, price: { type: number } }
              example: { id: "seven", name: x }
`;
    const m = modelOf(spec);
    const res = session(m).send('GET', '/info');
    expect(res.status).toBe(200);
    const problems = checkResponse(m, res);
    expect(problems.map((p) => p.field).sort()).toEqual(['id', 'price']);
    // The bundled spec's examples fit their schemas.
    const s = session(model);
    expect(checkResponse(model, s.send('GET', '/categories/'))).toEqual([]);
    // Error answers are the mock's, not the spec's: not checked.
    expect(checkResponse(model, s.send('GET', '/categories/nope/'))).toEqual([]);
  });
});
