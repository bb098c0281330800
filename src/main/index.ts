/**
 * Electron main entry. The single-instance lock is taken before anything else: a second instance
 * creates no folder, opens no log and reads no settings; it hands over (the first instance focuses
 * its window) and exits at once.
 */
import { app } from 'electron';
import { startMainProcess } from './mainProcess';

if (app.requestSingleInstanceLock()) {
  startMainProcess();
} else {
  app.exit(0);
}
