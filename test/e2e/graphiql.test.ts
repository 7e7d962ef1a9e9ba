import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { CreateNamespaceDocument } from '../generated/graphql';
import { findChromium, isCI, launchChromium } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * GraphiQL, as served at GET /graphql, driven in a real (system) Chromium with every request to
 * anything but the test server blocked: the page is self-contained and must work offline.
 */

const TIMEOUT_MS = 60_000;
const QUERY = '{ identityNamespaces { code } }';

const chromiumLookup = findChromium();

/** GraphiQL sends the operation compacted (`{identityNamespaces{code}}`); compare it parsed. */
const sentQuery = (request: Request): string | undefined => {
  try {
    const body = request.postDataJSON() as { query?: unknown } | null;
    return typeof body?.query === 'string' ? print(parse(body.query)) : undefined;
  } catch {
    return undefined;
  }
};

/** Monaco renders spaces as NBSPs; compare text as a user would read it. */
const visibleText = async (page: Page, selector: string): Promise<string> =>
  (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');

const OPERATION_EDITOR = 'section.graphiql-query-editor[aria-label="Operation Editor"]';
const OPERATION_LINES = `${OPERATION_EDITOR} .monaco-editor .view-lines`;
const RESULT_LINES = 'section.result-window[aria-label="Result Window"] .monaco-editor .view-lines';
const EXECUTE_BUTTON = 'button.graphiql-execute-button';

describe('GraphiQL in Chromium (offline)', () => {
  if (!chromiumLookup.found) {
    const { reason } = chromiumLookup;
    if (isCI()) {
      test('Chromium is installed (required on CI)', () => {
        throw new Error(`e2e cannot run on CI: ${reason}`);
      });
    } else {
      test(`e2e skipped: ${reason}`, () => {
        console.warn(`e2e skipped: ${reason}`);
      });
    }
    return;
  }

  const executablePath = chromiumLookup.path;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Requests (and web sockets) the page attempted to anything but the test server. */
  const outside = new Set<string>();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium(executablePath);
  }, TIMEOUT_MS);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  }, TIMEOUT_MS);

  beforeEach(async () => {
    outside.clear();
    pageErrors.length = 0;
    consoleErrors.length = 0;
    const origin = new URL(server.url).origin;
    const isLocal = (url: string): boolean =>
      url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;

    context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    // On the context, not just the page, so workers and popups are covered too.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLocal(url)) {
        await route.continue();
      } else {
        outside.add(url);
        await route.abort('blockedbyclient');
      }
    });
    context.on('request', (request) => {
      const url = request.url();
      if (!isLocal(url)) outside.add(url);
    });
    page = await context.newPage();
    page.on('websocket', (ws) => {
      const url = ws.url().replace(/^ws/, 'http');
      if (!isLocal(url)) outside.add(ws.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });

  afterEach(async () => {
    await context.close();
  });

  /** Runs the steps; on failure leaves a screenshot in the OS temp dir and says where. */
  const withScreenshotOnFailure = async (name: string, steps: () => Promise<void>) => {
    try {
      await steps();
    } catch (error) {
      const path = join(tmpdir(), `tessera-e2e-${name}-${Date.now()}.png`);
      await page.screenshot({ path, fullPage: true }).catch(() => undefined);
      const diagnostics = { screenshot: path, outside: [...outside], pageErrors, consoleErrors };
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n${JSON.stringify(diagnostics, null, 2)}`,
        { cause: error },
      );
    }
  };

  /** Opens GraphiQL and waits until its editor is up (the default query is tokenised). */
  const openGraphiQL = async () => {
    const response = await page.goto(server.url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    await page
      .locator(OPERATION_LINES, { hasText: 'identityNamespaces' })
      .waitFor({ state: 'visible', timeout: 30_000 });
  };

  /**
   * Replaces the operation. insertText is one input event (like a paste), so Monaco's bracket
   * auto-closing and suggestions do not interfere the way per-key typing would.
   */
  const replaceOperation = async (text: string) => {
    await page.locator(OPERATION_LINES).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
    expect((await visibleText(page, OPERATION_LINES)).trim()).toBe(text);
  };

  test(
    'renders, runs a query against the prod sandbox and shows the result, with no outside requests',
    async () => {
      await withScreenshotOnFailure('graphiql', async () => {
        await openGraphiQL();
        await replaceOperation(QUERY);

        const executed = page.waitForRequest(
          (request) =>
            request.method() === 'POST' &&
            request.url() === server.url &&
            sentQuery(request) === print(parse(QUERY)),
          { timeout: 15_000 },
        );
        await page.locator(EXECUTE_BUTTON).click();
        const request = await executed;
        expect(await request.headerValue('x-sandbox-name')).toBe('prod');
        const answer = await request.response();
        expect(answer?.status()).toBe(200);

        await page
          .locator(RESULT_LINES, { hasText: 'CRMID' })
          .waitFor({ state: 'visible', timeout: 15_000 });
        const result = await visibleText(page, RESULT_LINES);
        expect(result).toContain('"identityNamespaces"');
        expect(result).toContain('"CRMID"');
        expect(result).not.toContain('"errors"');

        expect([...outside]).toEqual([]);
        expect(pageErrors).toEqual([]);
      });
    },
    TIMEOUT_MS,
  );

  test(
    'runs a subscription over graphql-ws and shows events as they are committed',
    async () => {
      await withScreenshotOnFailure('graphiql-subscription', async () => {
        await openGraphiQL();
        const socket = page.waitForEvent('websocket', { timeout: 15_000 });
        await replaceOperation('subscription { catalogChanged { kind action id } }');
        await page.locator(EXECUTE_BUTTON).click();
        expect((await socket).url()).toBe(server.wsUrl);

        // The server registers the subscription a moment after the Subscribe message: keep
        // committing changes until one shows up in the result pane.
        const shown = page.locator(RESULT_LINES, { hasText: 'NAMESPACE' });
        const code = await commitUntilVisible(shown, async (i) => {
          const input = { code: `SeenInGraphiQL${i}`, name: 'e2e', type: 'PERSON' as const };
          await server.data(CreateNamespaceDocument, { input });
          return input.code;
        });
        const result = await visibleText(page, RESULT_LINES);
        expect(result).toContain('"catalogChanged"');
        expect(result).toMatch(new RegExp(`"id": "SeenInGraphiQL\\d+"`));
        expect(code).toMatch(/^SeenInGraphiQL\d+$/);
        expect([...outside]).toEqual([]);
        expect(pageErrors).toEqual([]);
      });
    },
    TIMEOUT_MS,
  );
});

/** Runs `commit` (with a counter) until `shown` is visible; returns the last commit's result. */
async function commitUntilVisible(
  shown: Locator,
  commit: (i: number) => Promise<string>,
): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (let i = 0; ; i++) {
    const last = await commit(i);
    if (await shown.isVisible()) return last;
    if (Date.now() > deadline) throw new Error('no subscription event shown in GraphiQL');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
