// `node --import ./register.mjs out/main/index.js` (or `--import tsx` first for the sources):
// runs the real main process with `electron` resolved to the stub (no Electron binary here).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
