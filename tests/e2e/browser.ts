/**
 * End-to-end harness: serves the built app (dist/) with Vite's preview server on a free local
 * port and drives Debian's Chromium through playwright-core, headless, with a fresh profile.
 * `npm test` builds dist/ first (scripts/pretest.mjs).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../helpers';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built app to serve; DSG_DIST lets parallel work build into its own folder. */
export const DIST = process.env.DSG_DIST ?? 'dist';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Harness {
  url: string;
  context: BrowserContext;
  page: Page;
  /** Requests the page made to anything but the app's own server. */
  foreignRequests: string[];
  close(): Promise<void>;
}

let server: PreviewServer | undefined;
let serverUsers = 0;

async function startServer(): Promise<string> {
  if (!existsSync(join(ROOT, DIST, 'index.html'))) throw new Error(`${DIST}/ is missing: run \`npm run build\` (npm test does it first)`);
  if (!server) {
    server = await preview({ root: ROOT, logLevel: 'silent', build: { outDir: DIST }, preview: { port: 0, host: '127.0.0.1', open: false } });
  }
  serverUsers++;
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  return `http://127.0.0.1:${address.port}/`;
}

/** A fresh browser profile on the built app. Pass a profile folder to reopen the same one (reload tests). */
export async function openApp(options: { profileDir?: string; viewport?: { width: number; height: number } } = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install it with apt-get install -y chromium (npm test does this when run as root)`);
  const url = await startServer();
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'dsg-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'en-GB',
    acceptDownloads: true,
  });
  const foreignRequests: string[] = [];
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(url) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return {
    url,
    context,
    page,
    foreignRequests,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
      serverUsers--;
      if (serverUsers === 0 && server) {
        await server.close();
        server = undefined;
      }
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    },
  };
}

/** The harness of a test file's set-up: always the browser open now, through a reopen too. */
export interface OpenedApp extends Harness {
  /** Closes the browser and opens it again with the same options (on the same profile, what is stored stays). */
  reopen(): Promise<void>;
}

/**
 * The set-up most test files share: the app opened before the file's tests and closed after them
 * (then `cleanUp`, such as removing the folders the tests used).
 */
export function appForTests(options: { profileDir?: string } = {}, cleanUp: () => void = () => {}): OpenedApp {
  let open: Harness | undefined;
  const now = () => {
    if (!open) throw new Error('the app is not open: appForTests opens it before the tests');
    return open;
  };
  beforeAll(async () => {
    open = await openApp(options);
  });
  afterAll(async () => {
    await open?.close();
    cleanUp();
  });
  return {
    get url() {
      return now().url;
    },
    get context() {
      return now().context;
    },
    get page() {
      return now().page;
    },
    get foreignRequests() {
      return now().foreignRequests;
    },
    async close() {
      const closing = now();
      open = undefined;
      await closing.close();
    },
    async reopen() {
      await this.close();
      open = await openApp(options);
    },
  };
}

/**
 * A file from disk in a fresh profile with every network request refused (only file: and data:
 * URLs load), as a forum member opening an emailed snapshot offline would.
 */
export async function openFileOffline(path: string): Promise<{ page: Page; blocked: string[]; errors: string[]; close(): Promise<void> }> {
  const profileDir = mkdtempSync(join(tmpdir(), 'dsg-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    blocked.push(u);
    return route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${path}`);
  return {
    page,
    blocked,
    errors,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
