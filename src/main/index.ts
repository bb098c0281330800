/** Electron main process: lifecycle, the window, the app:// protocol + CSP, menu, dialogs, IPC. */
import { BrowserWindow, Menu, app, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Backend, createBackend } from '../backend/createBackend';
import { createLogger } from '../backend/logger';
import { CONTENT_SECURITY_POLICY } from '../core/security/csp';
import { registerStudyApi } from './ipc';
import { APP_ORIGIN, APP_SCHEME, decideNavigation } from './urlPolicy';
import { secureWebPreferences } from './windowOptions';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const dataDir = process.env['NEXUS_DATA_DIR'] ?? path.join(app.getPath('userData'), 'data');
mkdirSync(dataDir, { recursive: true });
const logger = createLogger((line) => appendFileSync(path.join(dataDir, 'nexus.log'), line));
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const bundledHub = app.isPackaged ? path.join(process.resourcesPath, 'hub') : path.join(app.getAppPath(), 'resources/hub');

let backend: Backend | null = null;
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
}
app.on('second-instance', () => {
  if (win !== null) {
    if (win.isMinimized()) {
      win.restore();
    }
    win.focus();
  }
});

function serveApp(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
    const rel = path.relative(rendererDir, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      return new Response('Not found', { status: 404 });
    }
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
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


function buildMenu(): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [{ label: 'Open Hub…', accelerator: 'CmdOrCtrl+O', click: () => void openHubDialog() }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Nexus Companion',
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs')),
  });
  win.once('ready-to-show', () => win?.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url);
    if (decision.action === 'external') {
      void shell.openExternal(decision.url);
    }
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url);
    if (decision.action !== 'allow') {
      event.preventDefault();
      if (decision.action === 'external') {
        void shell.openExternal(decision.url);
      }
    }
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  win.on('closed', () => {
    win = null;
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveApp();
  backend = await createBackend({
    bundledHub,
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    logger,
    openExternal: (url) => shell.openExternal(url),
  });
  const ready = backend;
  ready.context.events.subscribe((event) => win?.webContents.send('nexus:event', event));
  registerStudyApi(ipcMain, () => ready.api, (method, e) => logger.error(`api ${method} failed`, e));
  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      createWindow();
    }
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') {
    app.quit();
  }
});
