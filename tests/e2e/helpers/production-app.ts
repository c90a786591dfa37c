/**
 * The set-up every browser test file shares: the production server on a private copy of a
 * database, and one Chromium, started before the file's tests and stopped after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startProductionServer, type RunningServer } from './production-server';
import { launchBrowser } from './browser';

export interface ProductionApp {
  readonly server: RunningServer;
  readonly browser: Browser;
}

export function useProductionApp(geodataDir: () => string | Promise<string>, { before }: { before?: () => void } = {}): ProductionApp {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    before?.();
    server = await startProductionServer({ geodataDir: await geodataDir() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('Serveur non démarré');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Navigateur non lancé');
      return browser;
    },
  };
}
