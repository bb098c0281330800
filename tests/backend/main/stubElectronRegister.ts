// `node --import tsx --import ./tests/backend/main/stubElectronRegister.ts src/main/index.ts`:
// runs the real main process with `electron` resolved to stubElectron.ts (no Electron binary here).
import { register } from 'node:module';

register('./stubElectronHooks.ts', import.meta.url);
