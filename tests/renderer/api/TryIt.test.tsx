import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { checkResponse, handleMockRequest } from '../../../src/core/mock/engine';
import { buildMockModel } from '../../../src/core/mock/model';
import { emptyMockState } from '../../../src/core/mock/types';
import { readSpec } from '../../../src/core/openapi/normalise';
import type { ApiOperation } from '../../../src/core/openapi/types';
import { TryIt, commandFor, parseHeaders, prefilledBody, prefilledPath } from '../../../src/renderer/src/components/api/TryIt';
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
      return { response: out.response, timingMs: 1.5, problems: [], responseProblems: checkResponse(built.model, out.response) };
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
      `curl -X POST 'http://localhost:8000/api/v1/categories/' \\\n  -H 'Authorization: Bearer t' \\\n  -H 'Content-Type: application/json' \\\n  --data '{"name":"Ada'\\''s"}'`,
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
});
