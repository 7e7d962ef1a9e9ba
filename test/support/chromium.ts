import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package; override with CHROMIUM_PATH. Playwright's own browser downloads are not used. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Offline, quiet, headless: no background calls home, no component or sync updates. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type ChromiumLookup =
  { found: true; path: string } | { found: false; path: string; reason: string };

/** Where Chromium should be (CHROMIUM_PATH, else /usr/bin/chromium) and whether it is there. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const fromEnv = env['CHROMIUM_PATH'];
  const path = fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_CHROMIUM_PATH;
  if (existsSync(path)) return { found: true, path };
  return {
    found: false,
    path,
    reason: `Chromium not found at ${path}; apt-get install -y chromium (or set CHROMIUM_PATH)`,
  };
}

/** The Chromium executable path, or undefined when it is not installed. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const lookup = findChromium(env);
  return lookup.found ? lookup.path : undefined;
}

/** True on CI, where Chromium is installed on purpose, so its absence is a defect, not a skip. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** Launches (asynchronously, in its own process) the system Chromium headless with CHROMIUM_ARGS. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: false,
    args: [...CHROMIUM_ARGS],
    timeout: 30_000,
  });
}
