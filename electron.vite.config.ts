import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// ESM-only libraries are bundled into main instead of being required at run time.
const bundledDeps = ['lowdb', 'steno', 'unified', 'remark-parse', 'remark-gfm', 'remark-frontmatter', 'remark-rehype', 'rehype-raw', 'rehype-sanitize', 'rehype-highlight', 'github-slugger', 'mdast-util-to-string', 'unist-util-visit', 'lowlight', 'highlight.js', 'yaml', 'zod'];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledDeps },
      // The parse worker is its own entry: the backend starts it as out/main/parseWorker.js.
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts'), parseWorker: resolve(__dirname, 'src/backend/hub/parseWorker.ts') } },
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
