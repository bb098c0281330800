/**
 * A stand-in for `electron` in the main-process tests: enough API for src/main/index.ts to start,
 * with the calls a test checks (dialogs, quit, exit, window creation) reported on stdout as
 * `STUB {json}` lines. Everything else accepts any call.
 */
import { EventEmitter } from 'node:events';

const report = (event: string, data: Record<string, unknown> = {}): void => {
  process.stdout.write(`STUB ${JSON.stringify({ event, ...data })}\n`);
};

/** Accepts any property access, call or construction. */
function anything(): unknown {
  const target = function () {
    /* any call */
  };
  return new Proxy(target, {
    get: (_t, prop) => (prop === 'then' ? undefined : anything()),
    apply: () => anything(),
    construct: () => anything() as object,
    set: () => true,
  });
}

const appEvents = new EventEmitter();
type QuitEvent = { defaultPrevented: boolean; preventDefault(): void };

export const app = {
  isPackaged: false,
  getAppPath: (): string => process.env['STUB_APP_PATH'] ?? process.cwd(),
  getPath: (): string => process.env['STUB_USER_DATA'] ?? process.cwd(),
  getVersion: (): string => '0.0.0-test',
  getName: (): string => 'Nexus Companion',
  requestSingleInstanceLock: (): boolean => true,
  whenReady: (): Promise<void> => Promise.resolve(),
  on(event: string, listener: (...args: unknown[]) => void) {
    appEvents.on(event, listener);
    return app;
  },
  once(event: string, listener: (...args: unknown[]) => void) {
    appEvents.once(event, listener);
    return app;
  },
  setAboutPanelOptions: (): void => undefined,
  showAboutPanel: (): void => undefined,
  quit(): void {
    report('quit');
    const event: QuitEvent = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    appEvents.emit('before-quit', event);
    if (!event.defaultPrevented) {
      report('exit', { code: 0 });
      process.exit(0);
    }
  },
  exit(code = 0): void {
    report('exit', { code });
    process.exit(code);
  },
};

export const dialog = {
  showErrorBox: (title: string, content: string): void => report('showErrorBox', { title, content }),
  showMessageBoxSync: (options: Record<string, unknown>): number => {
    report('showMessageBoxSync', options);
    return 0;
  },
  showOpenDialog: (): Promise<{ canceled: boolean; filePaths: string[] }> => Promise.resolve({ canceled: true, filePaths: [] }),
};

export class BrowserWindow {
  constructor() {
    report('window');
    return anything() as BrowserWindow;
  }
  static getAllWindows(): unknown[] {
    return [];
  }
}

export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getAllDisplays: () => [],
};
export const nativeTheme = { themeSource: 'system' };
export const Menu = anything();
export const protocol = anything();
export const ipcMain = anything();
export const net = anything();
export const session = { defaultSession: anything() };
export const shell = anything();

export default { app, dialog, BrowserWindow, screen, nativeTheme, Menu, protocol, ipcMain, net, session, shell };
