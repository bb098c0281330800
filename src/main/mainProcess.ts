/**
 * The primary instance of the Electron main process: lifecycle, the window, the app:// protocol +
 * CSP, menu, dialogs, IPC. index.ts calls it once it holds the single-instance lock.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, nativeTheme, net, protocol, screen, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Backend, StartupError, startBackend } from '../backend/createBackend';
import { createRotatingFileLog } from '../backend/fileLog';
import { createLogger } from '../backend/logger';
import type { UiCommand } from '../core/shell/shortcuts';
import { aboutPanelOptions } from './aboutPanel';
import { appProtocolHandler } from './appProtocol';
import { devContentSecurityPolicy, devRendererUrl } from './devServer';
import { registerStudyApi } from './ipc';
import { type MenuActions, type ThemeSource, buildMenuTemplate } from './menuTemplate';
import { createSettingsWriter } from './settingsWriter';
import { loadShellSettings, readerRouteOf, shellSettingsFile, startupHub } from './shellSettings';
import { APP_ORIGIN, APP_SCHEME, decideNavigation, isAllowedRequest } from './urlPolicy';
import { type DisplayArea, rememberWindowState, restoreWindowState } from './windowState';
import { secureWebPreferences } from './windowOptions';

/** Starts the app: data folder, log, settings, protocol, backend, window. */
export function startMainProcess(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

  const dataDir = process.env['NEXUS_DATA_DIR'] ?? path.join(app.getPath('userData'), 'data');
  mkdirSync(dataDir, { recursive: true });
  const fileLog = createRotatingFileLog({ file: path.join(dataDir, 'nexus.log') });
  const logger = createLogger(fileLog.write);
  const settings = createSettingsWriter(shellSettingsFile(dataDir), loadShellSettings(shellSettingsFile(dataDir), logger), logger);
  const updateSettings = (patch: Parameters<typeof settings.update>[0]): void => settings.update(patch);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = path.join(here, '../renderer');
  const bundledHub = app.isPackaged ? path.join(process.resourcesPath, 'hub') : path.join(app.getAppPath(), 'resources/hub');
  // `npm run dev` only: the renderer comes from the dev server, with hot reload.
  const devUrl = devRendererUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
  const devOrigin = devUrl?.origin ?? null;

  let backend: Backend | null = null;
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win !== null) {
      if (win.isMinimized()) {
        win.restore();
      }
      win.focus();
    }
  });

  function serveApp(): void {
    protocol.handle(
      APP_SCHEME,
      appProtocolHandler(rendererDir, (url) => net.fetch(url)),
    );
    if (devUrl !== null) {
      // The dev server sends no CSP: the app's, loosened for hot reload, is added to its pages only.
      const csp = devContentSecurityPolicy(devUrl);
      session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devUrl.origin}/*`] }, (details, callback) => {
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp], 'X-Content-Type-Options': ['nosniff'] },
        });
      });
    }
  }

  async function openHubDialog(): Promise<void> {
    if (win === null || backend === null) {
      return;
    }
    const picked = await dialog.showOpenDialog(win, { title: 'Open Hub', properties: ['openDirectory'] });
    const folder = picked.filePaths[0];
    if (picked.canceled || folder === undefined) {
      return;
    }
    const res = await backend.api['hub.open']({ root: folder }).then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    if (res === null) {
      win.webContents.reload();
    } else {
      dialog.showErrorBox('Cannot open this hub', res);
    }
  }

  /** Sends a UI command to the renderer over the push event channel. */
  function sendCommand(command: UiCommand): void {
    backend?.context.events.emit({ type: 'ui.command', command });
  }

  const menuActions: MenuActions = {
    openHub: () => void openHubDialog(),
    command: sendCommand,
    setTheme: (theme: ThemeSource) => {
      nativeTheme.themeSource = theme;
      updateSettings({ theme });
      buildMenu();
    },
    showAbout: () => app.showAboutPanel(),
    showLogFile: () => void shell.openPath(fileLog.file),
    openDataFolder: () => void shell.openPath(dataDir),
  };

  function buildMenu(): void {
    const template = buildMenuTemplate(menuActions, {
      platform: process.platform,
      appName: app.getName(),
      theme: settings.get().theme,
      dev: !app.isPackaged,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function displays(): DisplayArea[] {
    const primary = screen.getPrimaryDisplay();
    return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => ({ id: d.id, workArea: d.workArea }));
  }

  function createWindow(): void {
    const restored = restoreWindowState(settings.get().windows, displays(), { width: 1280, height: 860 });
    win = new BrowserWindow({
      ...restored.bounds,
      minWidth: 640,
      minHeight: 420,
      show: false,
      title: 'Nexus Companion',
      webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs')),
    });
    if (restored.maximized) {
      win.maximize();
    }
    win.once('ready-to-show', () => win?.show());
    win.on('close', () => {
      if (win !== null) {
        updateSettings({
          windows: rememberWindowState(settings.get().windows, displays(), { bounds: win.getNormalBounds(), maximized: win.isMaximized() }),
        });
      }
    });
    // The last topic read, so the next start opens it again.
    win.webContents.on('did-navigate-in-page', (_event, url) => {
      const route = readerRouteOf(url);
      if (route !== null && route !== settings.get().lastRoute) {
        updateSettings({ lastRoute: route });
      }
    });
    const page = `index.html${settings.get().lastRoute ?? ''}`;
    void win.loadURL(devUrl !== null ? new URL(page, devUrl).href : `${APP_ORIGIN}/${page}`);
    win.on('closed', () => {
      win = null;
    });
  }

  /** Leaves the app for the system browser, only with a URL the policy already parsed and checked. */
  function openOutside(url: string): void {
    shell.openExternal(url).catch((e: unknown) => logger.warn('could not open a link outside the app', e));
  }

  // Every WebContents (the window, and any a future feature creates): no webviews, no new windows,
  // no navigation or redirect away from the app; http(s) goes to the system browser.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideNavigation(url, devOrigin);
      if (decision.action === 'external') {
        openOutside(decision.url);
      }
      return { action: 'deny' };
    });
    const guard = (event: { preventDefault(): void }, url: string): void => {
      const decision = decideNavigation(url, devOrigin);
      if (decision.action !== 'allow') {
        event.preventDefault();
        if (decision.action === 'external') {
          openOutside(decision.url);
        }
      }
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
  });

  /** A failed start: tell the learner why (bounded), then exit; the backend released what it took. */
  function failStart(e: unknown): void {
    logger.error('start failed', e);
    const reason =
      e instanceof StartupError
        ? e.message
        : `An unexpected error stopped the start: ${String(e instanceof Error ? e.message : e).slice(0, 400)}`;
    dialog.showErrorBox('Nexus Companion could not start', `${reason}\n\nDetails are in the log: ${fileLog.file}`);
    settings.flush();
    fileLog.flushSync();
    app.exit(1);
  }

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
    // Defence in depth behind the CSP: the page may load nothing but the app's own scheme.
    session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !isAllowedRequest(details.url, devOrigin) }),
    );
    nativeTheme.themeSource = settings.get().theme;
    app.setAboutPanelOptions(
      aboutPanelOptions({ name: app.getName(), version: app.getVersion(), versions: process.versions, platform: process.platform }),
    );
    serveApp();
    const options = {
      bundledHub,
      dataDir,
      host: 'electron' as const,
      version: app.getVersion(),
      logger,
      openExternal: (url: string) => shell.openExternal(url),
      progressiveOpen: true,
    };
    const hubRoot = startupHub(process.env['NEXUS_HUB'], settings.get());
    if (process.env['NEXUS_HUB'] === undefined && hubRoot !== (settings.get().lastHub ?? undefined)) {
      // The last hub is gone: its last topic means nothing in the bundled one.
      updateSettings({ lastHub: null, lastRoute: null });
    }
    // Only a hub that cannot be opened is forgotten (the bundled one is used); any other failure ends the start.
    const started = await startBackend({ ...options, ...(hubRoot !== undefined ? { hubRoot } : {}) }, (e) => {
      logger.warn('last hub could not be opened; using the bundled hub', e);
      updateSettings({ lastHub: null, lastRoute: null });
    }).catch((e: unknown) => {
      failStart(e);
      return null;
    });
    if (started === null) {
      return;
    }
    backend = started;
    const ready = started;
    ready.context.events.subscribe((event) => {
      if (event.type === 'hub.opened') {
        updateSettings({ lastHub: path.resolve(event.root) === path.resolve(bundledHub) ? null : event.root, lastRoute: null });
      }
      win?.webContents.send('nexus:event', event);
    });
    registerStudyApi(ipcMain, ready.api, (method, e) => logger.error(`api ${method} failed`, e), devOrigin);
    buildMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) {
        createWindow();
      }
    });
  });

  // Flush every pending save and release the database lock before the process exits; if something
  // could not be saved, say so before the app goes.
  // A second quit while closing (Cmd+Q twice, Ctrl+C plus the launcher's SIGTERM) waits for the first.
  let quitting = false;
  let closed = false;
  app.on('before-quit', (event) => {
    settings.flush();
    if (closed || (backend === null && !quitting)) {
      return;
    }
    event.preventDefault();
    const closing = backend;
    if (quitting || closing === null) {
      return;
    }
    quitting = true;
    backend = null;
    void closing
      .close()
      .then(
        (report) => report.unsaved,
        (e: unknown) => {
          logger.error('backend did not close cleanly', e);
          return `Nexus Companion did not close cleanly: ${String(e instanceof Error ? e.message : e).slice(0, 400)}`;
        },
      )
      .then((unsaved) => {
        if (unsaved !== null) {
          dialog.showMessageBoxSync({
            type: 'warning',
            title: 'Not everything was saved',
            message: 'Some changes could not be saved.',
            detail: unsaved,
            buttons: ['Quit'],
          });
        }
      })
      .finally(() => fileLog.flush())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  // A terminal's Ctrl+C or a service manager's SIGTERM quits like the menu does (saves are flushed).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => app.quit());
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') {
      app.quit();
    }
  });
}
