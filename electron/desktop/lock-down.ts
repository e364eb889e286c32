/**
 * The desktop window's locks (Electron's security checklist), Electron-free so the tests run
 * them under plain Node: the window's web preferences, the `app://` scheme's privileges, which
 * permissions a page gets, where it may navigate or be redirected, and no new windows or
 * webviews. main.ts hands Electron's `app` and session to `lockDown`; the shapes below are the
 * few members used, so Electron's own objects fit them. The one way out of the window is a
 * phone or e-mail link (or a campaign's WhatsApp or Telegram chat), handed to the system.
 */
import { RENDERER_ORIGIN } from '../ipc';

const APP = new URL(RENDERER_ORIGIN);

/**
 * The scheme the renderer is served on: secure like https, nothing that loosens CSP or CORS.
 * `codeCache`: Chromium keeps the renderer's compiled code across starts, as it does for https
 * (off by default for a custom scheme); a start after the first then does not compile the
 * first screen's scripts again.
 */
export const APP_SCHEME = {
  scheme: APP.protocol.slice(0, -1),
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** A page of the app itself: the built renderer on `app://kartoteka/`. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === APP.protocol && parsed.host === APP.host;
  } catch {
    return false;
  }
}

/**
 * The only permission the renderer uses: writing text to the clipboard (the copy buttons beside
 * a phone, a device id, an error's details). Notifications come from the main process.
 */
export const USED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** A permission is granted only when the app uses it, and only to the app's own pages. */
export function permissionAllowed(permission: string, origin: string | null | undefined): boolean {
  return USED_PERMISSIONS.has(permission) && isAppUrl(origin);
}

/** The window's web preferences: every checklist item spelled out, not left to defaults. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  } as const;
}

/**
 * The schemes the system opens for the user: the card's phone (`tel:`, `sms:`) and e-mail
 * (`mailto:`) links. Web pages, files and every other scheme stay refused.
 */
const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['tel:', 'mailto:', 'sms:']);

/**
 * The two web addresses a campaign's message is sent through (kernel/contact-links.ts): a
 * WhatsApp or Telegram chat, over https, on exactly these hosts (no login part, no port).
 */
const MESSENGER_HOSTS: ReadonlySet<string> = new Set(['wa.me', 't.me']);

/** The link as the system should get it, or null when it must not leave the app. */
export function externalLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (EXTERNAL_SCHEMES.has(parsed.protocol)) return parsed.href;
    const messenger =
      parsed.protocol === 'https:' &&
      MESSENGER_HOSTS.has(parsed.host) &&
      parsed.username === '' &&
      parsed.password === '';
    return messenger ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Hands a link to the system (Electron's `shell.openExternal`). */
export type OpenExternal = (url: string) => void;

export interface Preventable {
  preventDefault(): void;
}

type Navigation = (event: Preventable, url: string) => void;

/** The members of Electron's WebContents that `lockDown` uses. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: Navigation): unknown;
  on(event: 'will-redirect', listener: Navigation): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
}

/** The members of Electron's Session that `lockDown` uses. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean,
  ): void;
  /** HID, serial and USB devices: none is ever chosen. */
  setDevicePermissionHandler(handler: () => boolean): void;
}

export interface GuardedApp {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: GuardedContents) => void,
  ): unknown;
}

/**
 * Leaving the app's pages is refused, whether by a link, a script or a server's redirect, and
 * no window is opened; a phone or e-mail link goes to the system instead.
 */
export function guardContents(contents: GuardedContents, openExternal?: OpenExternal): void {
  const handOver = (url: string) => {
    const link = externalLink(url);
    if (link !== null) openExternal?.(link);
  };
  const stayInApp: Navigation = (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    handOver(url);
  };
  contents.setWindowOpenHandler(({ url }) => {
    handOver(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function lockDown(
  app: GuardedApp,
  session: GuardedSession,
  openExternal?: OpenExternal,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openExternal));
}
