import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { checkResponse, handleMockRequest } from '../../../src/core/mock/engine';
import { buildMockModel } from '../../../src/core/mock/model';
import { emptyMockState } from '../../../src/core/mock/types';
import { readSpec } from '../../../src/core/openapi/normalise';
import type { ApiOperation } from '../../../src/core/openapi/types';
import { Exercises } from '../../../src/renderer/src/components/api/Exercises';
import {
  TryIt,
  commandFor,
  encodeForm,
  fieldErrorsOf,
  formBodyOf,
  parseHeaders,
  prefilledBody,
  prefilledPath,
} from '../../../src/renderer/src/components/api/TryIt';
import { fakeApi } from '../fakeApi';

const SPEC_PATH = 'api-specs/openapi.yml';
const text = readFileSync(path.join(__dirname, '../../../resources/hub/api-specs/openapi.yml'), 'utf8');
const read = readSpec(SPEC_PATH, text);
const operations = read.kind === 'spec' ? read.spec.operations : [];
const opNamed = (id: string): ApiOperation => {
  const op = operations.find((o) => o.topic.operationId === id);
  if (op === undefined) {
    throw new Error(id);
  }
  return op;
};

/** A fake API backed by the real mock engine, so the panel runs a true POST-then-GET. */
function mockBackedApi() {
  const built = buildMockModel(SPEC_PATH, text);
  if (!built.ok) {
    throw new Error(built.message);
  }
  let state = emptyMockState();
  return fakeApi({
    'mock.send': ({ request }) => {
      const out = handleMockRequest(built.model, state, request, { now: '2026-03-01T12:00:00Z' });
      state = out.state;
      return {
        response: out.response,
        timingMs: 1.5,
        problems: [],
        responseProblems: checkResponse(built.model, out.response),
        stepsDone: [],
      };
    },
    'mock.reset': ({ path: p }) => {
      state = emptyMockState();
      return { path: p, cleared: true };
    },
  });
}

describe('TryIt', () => {
  afterEach(cleanup);

  it('prefills the path from parameter examples and the body from the request example', () => {
    expect(prefilledPath(opNamed('retrieveProduct'))).toBe('/products/7/');
    expect(JSON.parse(prefilledBody(opNamed('createCategory')))).toMatchObject({ name: 'Board Games' });
    expect(parseHeaders('Authorization: Bearer x\n\nbad line\nX-A: 1:2')).toEqual({ Authorization: 'Bearer x', 'X-A': '1:2' });
  });

  it('copies the request as curl, HTTPie and fetch, quoting what the shell would read', () => {
    const r = {
      method: 'POST',
      url: 'http://localhost:8000/api/v1/categories/',
      headers: { Authorization: 'Bearer t' },
      body: `{"name":"Ada's"}`,
    };
    expect(commandFor('curl', r)).toBe(
      `curl -X POST 'http://localhost:8000/api/v1/categories/' \\\n  -H 'Authorization: Bearer t' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{"name":"Ada'\\''s"}'`,
    );
    expect(commandFor('httpie', { ...r, body: '' })).toBe(`http POST 'http://localhost:8000/api/v1/categories/' 'Authorization:Bearer t'`);
    const fetchText = commandFor('fetch', r);
    expect(fetchText).toMatch(/^await fetch\("http:\/\/localhost:8000\/api\/v1\/categories\/", \{/);
    expect(fetchText).toContain('"Content-Type": "application/json"');
    render(<TryIt api={fakeApi({})} specPath={SPEC_PATH} op={opNamed('createCategory')} server="http://localhost:8000/api/v1" />);
    expect(screen.getByRole('button', { name: 'Copy as curl' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy as HTTPie' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy as fetch' })).toBeTruthy();
  });

  it('creates a category, then lists it; shows status, timing and body; a bad body shows each field', async () => {
    const api = mockBackedApi();
    const create = render(<TryIt api={api} specPath={SPEC_PATH} op={opNamed('createCategory')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const response = await screen.findByRole('region', { name: 'Mock response' });
    await waitFor(() => expect(response.textContent).toContain('201'));
    expect(response.textContent).toContain('"slug": "board-games"');
    expect(response.textContent).toContain('1.5 ms');
    expect(api.calls[0]).toEqual(['mock.send', expect.objectContaining({ path: SPEC_PATH }) as unknown]);

    fireEvent.change(screen.getByLabelText('Request body'), { target: { value: '{"name": 5}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Mock response' }).textContent).toContain('"field": "name"'));
    create.unmount();

    render(<TryIt api={api} specPath={SPEC_PATH} op={opNamed('listCategories')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Mock response' }).textContent).toContain('"count": 3'));

    fireEvent.click(screen.getByRole('button', { name: 'Reset data' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'The mock data of this spec was reset.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Mock response' }).textContent).toContain('"count": 2'));
  });

  it('offers a picker when the response has several named examples, and shows errors of the call', async () => {
    const api = mockBackedApi();
    render(<TryIt api={api} specPath={SPEC_PATH} op={opNamed('listProducts')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const picker = await screen.findByLabelText('Response example');
    expect([...picker.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['(first)', 'firstPage', 'emptyPage']);
    cleanup();
    const failing = fakeApi({});
    render(<TryIt api={failing} specPath={SPEC_PATH} op={opNamed('listProducts')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
  });

  it('a form body gets a field editor; it is sent urlencoded, checked, and copied as form fields', async () => {
    const formSpec = `
openapi: 3.0.3
info: { title: Forms, version: "1" }
paths:
  /login:
    post:
      operationId: login
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [username, age]
              properties: { username: { type: string, example: ada }, age: { type: integer, minimum: 1 } }
      responses: { "200": { description: ok, content: { application/json: { schema: { type: object }, example: { ok: true } } } } }
  /upload:
    post:
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema: { type: object, properties: { file: { type: string, format: binary }, note: { type: string } } }
      responses: { "204": { description: ok } }
`;
    const r = readSpec('forms.yml', formSpec);
    const ops = r.kind === 'spec' ? r.spec.operations : [];
    const login = ops.find((o) => o.topic.operationId === 'login');
    const upload = ops.find((o) => o.topic.operationId === 'upload');
    if (login === undefined || upload === undefined || r.kind !== 'spec') {
      throw new Error('spec not read');
    }
    const form = formBodyOf(login, r.spec.schemas);
    expect(form).toEqual({
      kind: 'form',
      fields: [
        { name: 'username', required: true, type: 'string', file: false, value: 'ada' },
        { name: 'age', required: true, type: 'integer', file: false, value: '' },
      ],
    });
    expect(encodeForm(form?.fields ?? [])).toBe('username=ada&age=');
    const multipart = formBodyOf(upload, r.spec.schemas);
    expect(multipart?.kind).toBe('multipart');
    expect(multipart?.fields.find((f) => f.name === 'file')?.file).toBe(true);
    const fields = [
      { name: 'file', required: false, type: 'string', file: true, value: 'photo.png' },
      { name: 'note', required: false, type: 'string', file: false, value: "it's" },
    ];
    const request = { method: 'POST', url: 'http://x/upload', headers: {}, body: '', kind: 'multipart' as const, fields };
    expect(commandFor('curl', request)).toBe(
      `curl -X POST 'http://x/upload' \\\n  -F 'file=@photo.png' \\\n  --form-string 'note=it'\\''s'`,
    );
    expect(commandFor('httpie', request)).toBe(`http --multipart POST 'http://x/upload' 'file@photo.png' 'note=it'\\''s'`);
    expect(commandFor('fetch', request)).toContain('body.append("file", "photo.png");');
    expect(commandFor('curl', { ...request, kind: 'form' })).toContain(`--data-urlencode 'note=it'\\''s'`);

    // Sent to the real mock engine: the bad age is named.
    const built = buildMockModel('forms.yml', formSpec);
    if (!built.ok) {
      throw new Error(built.message);
    }
    const bodies: string[] = [];
    const api = fakeApi({
      'mock.send': ({ request: req }) => {
        bodies.push(req.body ?? '');
        const out = handleMockRequest(built.model, emptyMockState(), req, { now: '2026-03-01T12:00:00Z' });
        return { response: out.response, timingMs: 1, problems: [], responseProblems: [], stepsDone: [] };
      },
    });
    render(<TryIt api={api} specPath="forms.yml" op={login} schemas={r.spec.schemas} />);
    expect(screen.queryByLabelText('Request body')).toBeNull();
    fireEvent.change(screen.getByLabelText('Field age'), { target: { value: 'zero' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const errors = await screen.findByRole('list', { name: 'Request problems' });
    expect(errors.textContent).toContain('age');
    expect(bodies[0]).toBe('username=ada&age=zero');
    fireEvent.change(screen.getByLabelText('Field age'), { target: { value: '36' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Mock response' }).textContent).toContain('200'));
    expect(screen.queryByRole('list', { name: 'Request problems' })).toBeNull();
  });

  it('shows why an operation is not mocked in full before sending, a response schema mismatch, and a completed step', async () => {
    const api = fakeApi({
      'mock.send': () => ({
        response: { status: 200, headers: {}, body: { id: 'x' }, operation: 'listcategories', example: null, examples: [] },
        timingMs: 1,
        problems: [],
        responseProblems: [{ in: 'body', field: 'id', message: 'must be integer' }],
        stepsDone: ['List categories and find it'],
      }),
    });
    const sent: unknown[] = [];
    render(
      <TryIt
        api={api}
        specPath={SPEC_PATH}
        op={opNamed('listCategories')}
        problems={['The 200 response is text/csv; the mock answers JSON only, so it sends no body.']}
        onSent={(r) => sent.push(r)}
      />,
    );
    expect(screen.getByRole('list', { name: 'Not mocked in full' }).textContent).toContain('text/csv');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const mismatch = await screen.findByRole('list', { name: 'Response schema mismatches' });
    expect(mismatch.textContent).toBe('id must be integer');
    expect(screen.getByText(/Exercise step done: List categories and find it/)).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(fieldErrorsOf({ errors: [{ in: 'body', field: 'price', message: 'is required' }, { bogus: 1 }] })).toEqual([
      { where: 'body', field: 'price', message: 'is required' },
    ]);
  });

  it('lists exercises with their steps; a step opens its operation', () => {
    const opened: string[] = [];
    render(
      <Exercises
        exercises={[
          {
            id: 'catalogue',
            tag: 'Products',
            title: 'Stock the catalogue',
            done: false,
            steps: [
              {
                title: 'Create a category',
                op: 'createcategory',
                check: { kind: 'create' },
                method: 'POST',
                path: '/categories/',
                done: true,
              },
              {
                title: 'Add a product to it',
                op: 'createproduct',
                check: { kind: 'create-in', ref: 0 },
                method: 'POST',
                path: '/products/',
                done: false,
              },
            ],
          },
        ]}
        onOpen={(slug) => opened.push(slug)}
      />,
    );
    expect(screen.getByText(/0 of 1 done/)).toBeTruthy();
    expect(screen.getByLabelText('Create a category: done')).toBeTruthy();
    expect(screen.getByLabelText('Add a product to it: to do')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a product to it' }));
    expect(opened).toEqual(['createproduct']);
  });
});
