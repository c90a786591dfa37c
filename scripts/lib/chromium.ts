/**
 * Debian's Chromium driven by playwright-core, with the flags that give WebGL2 headless on these
 * machines (see ENVIRONMENT notes): never `--disable-software-rasterizer`, and no background
 * networking (the closed network refuses it).
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}
