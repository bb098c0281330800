/** The offline mock of a hub's OpenAPI spec: model, request handling and state. */
export { handleMockRequest, route, type MockOptions, type MockOutcome } from './engine';
export { buildMockModel, type MockModel, type MockModelRead, type MockOperation, type MockRole } from './model';
export * from './types';
