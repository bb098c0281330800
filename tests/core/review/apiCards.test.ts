import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpec } from '../../../src/core/openapi/normalise';
import { extractApiCards } from '../../../src/core/review/apiCards';

const text = readFileSync(path.resolve(import.meta.dirname, '../../../resources/hub/api-specs/openapi.yml'), 'utf8');
const read = readSpec('api-specs/openapi.yml', text);

describe('extractApiCards', () => {
  it('asks what each operation of the bundled spec returns on success, answered from its 2xx responses', () => {
    expect(read.kind).toBe('spec');
    if (read.kind !== 'spec') {
      return;
    }
    const { cards } = extractApiCards(read.spec);
    const withSuccess = read.spec.operations.filter((o) => o.responses.some((r) => /^2/.test(r.status)));
    expect(cards).toHaveLength(withSuccess.length);
    const post = read.spec.operations.find((o) => o.topic.method === 'POST' && o.responses.some((r) => r.status === '201'));
    expect(post).toBeDefined();
    const card = cards.find((c) => c.topicId === post?.topic.id);
    expect(card?.question).toBe(`What does \`POST ${post?.topic.path}\` return on success?`);
    expect(card?.answer).toContain('**201**');
    expect(card?.answer).not.toMatch(/\*\*4\d\d\*\*/);
  });

  it('gives no card for an operation without a success response', () => {
    const spec = {
      operations: [
        { topic: { id: 's.yml#get-x', specPath: 's.yml', method: 'GET', path: '/x', operationId: null, summary: '', description: '', tags: [] }, slug: 'get-x', deprecated: false, descriptionHast: null, parameters: [], requestBody: null, responses: [{ status: '404', description: 'Missing', content: [], headers: [] }] },
      ],
    };
    expect(extractApiCards(spec).cards).toEqual([]);
  });
});
