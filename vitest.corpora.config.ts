import { defineConfig } from 'vitest/config';

// Tests over ../shared/corpora (real learner hubs, the large FastAPI + DRF docs): `npm run test:corpora`.
export default defineConfig({
  test: { name: 'corpora', include: ['tests/corpora/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 300_000 },
});
