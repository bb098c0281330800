import { describe, expect, it } from 'vitest';
import type { EndpointTopic } from '../../../src/core/openapi/types';
import { buildCatalog } from '../../../src/core/study/topicCatalog';

const endpoint: EndpointTopic = { id: 'api/o.yml#list', specPath: 'api/o.yml', method: 'GET', path: '/x', operationId: 'list', summary: 'List', description: '', tags: [] };

describe('buildCatalog spec titles', () => {
  it("names a spec's progress row by its title, falling back to the file name", () => {
    expect(buildCatalog([], [endpoint], new Map([['api/o.yml', 'Shop API']])).docs[0]?.title).toBe('Shop API');
    expect(buildCatalog([], [endpoint]).docs[0]?.title).toBe('o.yml');
    expect(buildCatalog([], [endpoint], new Map([['api/o.yml', 'Shop API']])).topics.get('api/o.yml#list')?.docTitle).toBe('Shop API');
  });
});
