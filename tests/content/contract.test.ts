/**
 * The sample spec agrees with itself: every example satisfies its schema, every error response
 * uses the one error envelope, and the responses every operation can produce are documented.
 */
import { describe, expect, test } from 'vitest';
import { SPEC_PATH, deref, exampleSites, forbiddenProperties, isErrorStatus, isObject, loadSpec, operationsOf, responsesOf, specValidator } from './spec';

const spec = loadSpec();
const validator = specValidator(spec);
const sites = exampleSites(spec);
const operations = operationsOf(spec);

describe(`${SPEC_PATH} examples`, () => {
  test('the spec has examples to check', () => {
    expect(sites.length).toBeGreaterThan(40);
  });

  for (const site of sites) {
    test(`${site.where} matches its schema`, () => {
      expect(validator.check(site.schema, site.value)).toEqual([]);
      if (site.direction === 'request') {
        expect(forbiddenProperties(spec, site.schema, site.value, 'readOnly'), 'a request example sends readOnly fields').toEqual([]);
      }
      if (site.direction === 'response') {
        expect(forbiddenProperties(spec, site.schema, site.value, 'writeOnly'), 'a response example shows writeOnly fields').toEqual([]);
      }
    });
  }
});

describe(`${SPEC_PATH} errors`, () => {
  test('every error response has a JSON body whose schema is the Error component', () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      for (const [status, response] of responsesOf(spec, op).filter(([s]) => isErrorStatus(s))) {
        const content = isObject(response.content) ? response.content : {};
        const json = content['application/json'];
        const schemaRef = isObject(json) && isObject(json.schema) ? json.schema.$ref : undefined;
        if (schemaRef !== '#/components/schemas/Error' || Object.keys(content).length !== 1) {
          problems.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every error response shows at least one example', () => {
    const missing = operations.flatMap(({ method, path, op }) =>
      responsesOf(spec, op)
        .filter(([status]) => isErrorStatus(status))
        .filter(([, response]) => !sites.some((site) => site.where.startsWith(`${method} ${path} `) && site.direction === 'response' && isObject(response.content)))
        .map(([status]) => `${method} ${path} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  test('every operation documents 429 (every endpoint is throttled)', () => {
    const missing = operations.filter(({ op }) => !responsesOf(spec, op).some(([status]) => status === '429'));
    expect(missing.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  test('every operation that needs a token documents 401, and public ones say security: []', () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const has401 = responsesOf(spec, op).some(([status]) => status === '401');
      if (!isPublic && !has401) {
        problems.push(`${method} ${path} needs a token but documents no 401`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the Error schema takes DRF nested list errors and rejects other shapes', () => {
    const nested = {
      error: {
        code: 'validation_error',
        message: 'The request contains invalid fields.',
        details: { items: [{}, { quantity: ['Ensure this value is greater than or equal to 1.'] }], non_field_errors: ['x'] },
        request_id: null,
      },
    };
    expect(validator.checkComponent('Error', nested)).toEqual([]);
    expect(validator.checkComponent('Error', { detail: 'Not found.', code: 'not_found' })).not.toEqual([]);
    expect(validator.checkComponent('Error', { error: { code: 'not_found', message: 'x', details: {} } })).not.toEqual([]);
    expect(validator.checkComponent('Error', { error: { code: 'Not Found', message: 'x', details: {}, request_id: 'r' } })).not.toEqual([]);
  });
});

describe(`${SPEC_PATH} schemas`, () => {
  test('every $ref in the spec resolves', () => {
    const broken: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) {
        value.forEach((entry, index) => walk(entry, `${at}/${index}`));
      } else if (isObject(value)) {
        if (typeof value.$ref === 'string') {
          try {
            deref(spec, value);
          } catch {
            broken.push(`${at}: ${value.$ref}`);
          }
        }
        for (const [key, entry] of Object.entries(value)) {
          walk(entry, `${at}/${key}`);
        }
      }
    };
    walk(spec, '');
    expect(broken).toEqual([]);
  });
});
