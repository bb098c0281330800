// A stand-in for `electron` in the main-process tests (plain JS, so the BUILT out/main runs on
// Node without tsx). It records what main calls as `STUB {json}` lines on stdout and takes
// commands as JSON lines on stdin: call the app:// handler, an IPC handler, the navigation
// guards or the request filters the way Electron would. Environment:
//   STUB_LOCK=taken          another instance holds the single-instance lock
//   STUB_PACKAGED=1          app.isPackaged, with process.resourcesPath = STUB_RESOURCES_PATH
//   STUB_APP_PATH, STUB_USER_DATA   app.getAppPath(), app.getPath()
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const report = (event, data = {}) => {
  process.stdout.write(`STUB ${JSON.stringify({ event, ...data })}\n`);
};

const packaged = process.env.STUB_PACKAGED === '1';
if (packaged) {
  process.resourcesPath = process.env.STUB_RESOURCES_PATH ?? '';
}

const appEvents = new EventEmitter();
const protocolHandlers = new Map();
const ipcHandlers = new Map();
const webRequest = { beforeRequest: null, headersReceived: [] };
const contentsList = [];

export const app = {
  isPackaged: packaged,
  getAppPath: () => process.env.STUB_APP_PATH ?? process.cwd(),
  getPath: (name) => {
    report('app.getPath', { name });
    return process.env.STUB_USER_DATA ?? process.cwd();
  },
  getVersion: () => '0.0.0-test',
  getName: () => 'Nexus Companion',
  requestSingleInstanceLock: () => {
    report('app.requestSingleInstanceLock');
    return process.env.STUB_LOCK !== 'taken';
  },
  whenReady: () => Promise.resolve(),
  on(event, listener) {
    appEvents.on(event, listener);
    return app;
  },
  once(event, listener) {
    appEvents.once(event, listener);
    return app;
  },
  setAboutPanelOptions: () => undefined,
  showAboutPanel: () => undefined,
  quit() {
    report('quit');
    const event = {
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
  exit(code = 0) {
    report('exit', { code });
    process.exit(code);
  },
};

export const dialog = {
  showErrorBox: (title, content) => report('showErrorBox', { title, content }),
  showMessageBoxSync: (options) => {
    report('showMessageBoxSync', options);
    return 0;
  },
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
};

function makeWebContents() {
  const contents = new EventEmitter();
  contents.windowOpenHandler = null;
  contents.setWindowOpenHandler = (handler) => {
    contents.windowOpenHandler = handler;
  };
  contents.send = () => undefined;
  contents.reload = () => undefined;
  return contents;
}

export class BrowserWindow extends EventEmitter {
  static windows = [];
  constructor(options = {}) {
    super();
    this.webContents = makeWebContents();
    BrowserWindow.windows.push(this);
    report('window', { webPreferences: options.webPreferences ?? null, show: options.show });
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    report('loadURL', { url });
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 860 };
  }
  static getAllWindows() {
    return BrowserWindow.windows;
  }
}
appEvents.on('web-contents-created', (_e, contents) => contentsList.push(contents));

export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getAllDisplays: () => [],
};
export const nativeTheme = { themeSource: 'system' };
export const Menu = { buildFromTemplate: (template) => ({ template }), setApplicationMenu: () => undefined };

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report('protocol.registerSchemesAsPrivileged', { schemes }),
  handle: (scheme, handler) => {
    protocolHandlers.set(scheme, handler);
    report('protocol.handle', { scheme });
  },
};

export const ipcMain = {
  handle: (channel, listener) => {
    if (ipcHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    ipcHandlers.set(channel, listener);
    report('ipcMain.handle', { channel });
  },
};

/** Electron's net.fetch on a file URL: the bytes, or a rejection (net::ERR_FILE_NOT_FOUND). */
export const net = {
  fetch: async (url) => {
    if (!url.startsWith('file:')) {
      throw new TypeError(`stub net.fetch: only file URLs (${url})`);
    }
    const bytes = await readFile(fileURLToPath(url)).catch(() => {
      throw new TypeError('net::ERR_FILE_NOT_FOUND');
    });
    return new Response(bytes, {
      status: 200,
      headers: { 'Content-Type': url.endsWith('.html') ? 'text/html' : 'application/octet-stream' },
    });
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => report('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    webRequest: {
      onBeforeRequest: (filterOrHandler, maybeHandler) => {
        webRequest.beforeRequest = maybeHandler ?? filterOrHandler;
        report('webRequest.onBeforeRequest');
      },
      onHeadersReceived: (filterOrHandler, maybeHandler) => {
        const filter = maybeHandler === undefined ? { urls: ['<all_urls>'] } : filterOrHandler;
        webRequest.headersReceived.push({ filter, handler: maybeHandler ?? filterOrHandler });
        report('webRequest.onHeadersReceived', { urls: filter.urls });
      },
    },
  },
};

export const shell = {
  openExternal: (url) => {
    report('shell.openExternal', { url });
    return Promise.resolve();
  },
  openPath: () => Promise.resolve(''),
};

/** Electron's match patterns, enough for `<origin>/*` and `<all_urls>`. */
const matches = (pattern, url) => pattern === '<all_urls>' || (pattern.endsWith('/*') && url.startsWith(pattern.slice(0, -1)));

async function command(cmd) {
  switch (cmd.cmd) {
    case 'protocol': {
      const handler = protocolHandlers.get(new URL(cmd.url).protocol.slice(0, -1));
      const res = await handler(new Request(cmd.url));
      const body = await res.text();
      report('protocol.response', {
        url: cmd.url,
        status: res.status,
        csp: res.headers.get('Content-Security-Policy'),
        body: body.slice(0, 200),
      });
      return;
    }
    case 'invoke': {
      const listener = ipcHandlers.get(cmd.channel);
      const event = { senderFrame: { url: cmd.frameUrl, parent: cmd.subframe === true ? {} : null } };
      const result = listener === undefined ? { missing: true } : await listener(event, cmd.args);
      report('ipc.result', { id: cmd.id, channel: cmd.channel, result });
      return;
    }
    case 'navigate': {
      const contents = contentsList.at(-1);
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, cmd.url);
      report('navigate.result', { url: cmd.url, prevented });
      return;
    }
    case 'windowOpen': {
      const decision = contentsList.at(-1).windowOpenHandler({ url: cmd.url });
      report('windowOpen.result', { url: cmd.url, action: decision.action });
      return;
    }
    case 'request': {
      webRequest.beforeRequest({ url: cmd.url }, (response) =>
        report('request.result', { url: cmd.url, cancel: response.cancel === true }),
      );
      return;
    }
    case 'headers': {
      const hit = webRequest.headersReceived.find((h) => h.filter.urls.some((p) => matches(p, cmd.url)));
      if (hit === undefined) {
        report('headers.result', { url: cmd.url, csp: null });
        return;
      }
      hit.handler({ url: cmd.url, responseHeaders: { 'Content-Type': ['text/html'] } }, (response) =>
        report('headers.result', { url: cmd.url, csp: response.responseHeaders?.['Content-Security-Policy']?.[0] ?? null }),
      );
      return;
    }
    default:
      report('stub.error', { message: `unknown command ${String(cmd.cmd)}` });
  }
}

if (process.env.STUB_CONTROL === '1') {
  createInterface({ input: process.stdin }).on('line', (line) => {
    command(JSON.parse(line)).catch((e) => report('stub.error', { message: String(e?.stack ?? e) }));
  });
}

export const contextBridge = {};
export const ipcRenderer = {};

export default { app, dialog, BrowserWindow, screen, nativeTheme, Menu, protocol, ipcMain, net, session, shell };
