import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      // Everything main loads is bundled into out/main, so the package needs no node_modules at all:
      // every library is a devDependency and electron-builder packs none (tests/backend/main/packedFiles.test.ts).
      externalizeDeps: false,
      // The parse worker is its own entry: the backend starts it as parseWorker.js beside the module
      // that holds the pool, so shared chunks sit in out/main too, not in out/main/chunks.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts'), parseWorker: resolve(__dirname, 'src/backend/hub/parseWorker.ts') },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react()],
  },
});
