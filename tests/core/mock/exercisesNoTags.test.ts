/** Exercises on a spec without tags nor an `id` in any schema: the sequence can still be done. */
import { describe, expect, it } from 'vitest';
import { exerciseStatus } from '../../../src/core/mock/exercises';
import { modelOf, session } from './helpers';

const SPEC = `
openapi: 3.0.3
info: { title: T, version: "1" }
paths:
  /things/:
    get: { responses: { "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: object } } } } } } }
    post:
      requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses: { "201": { description: ok } }
  /things/{id}/:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses: { "200": { description: ok } }
`;

describe('exercises on a spec without tags', () => {
  it('a created resource gets the id its item path reads it by, and every step can be done', () => {
    const model = modelOf(SPEC);
    const s = session(model);
    const created = s.send('POST', '/things/', { name: 'a' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 1, name: 'a' });
    expect(s.send('GET', '/things/1/').status).toBe(200);
    expect(s.send('GET', '/things/').status).toBe(200);
    const [exercise] = exerciseStatus(model, s.state);
    expect(exercise?.steps.map((x) => x.done)).toEqual([true, true, true]);
  });
});
