import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // A test that hangs still fails; the limits leave room for a busy 2-core machine (CI runs two workers).
      { test: { name: 'core', include: ['tests/core/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'backend', include: ['tests/backend/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      // Two or three machines syncing through one bare repo, and the sync fuzzer (docs/spec/sync.md).
      { test: { name: 'sync', include: ['tests/sync/**/*.test.ts'], environment: 'node', testTimeout: 180_000 } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        plugins: [react()],
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.tsx'], environment: 'happy-dom', testTimeout: 30_000 },
      },
    ],
  },
});
