import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from '../graphql/Context';
import { createLoaders } from '../graphql/loaders';
import type { Platform } from '../services/Platform';
import type { SandboxService } from '../services/SandboxService';
import { createSandboxServices } from '../services/SandboxServices';

/** SEMANTICS §0: the header (and graphql-ws `connection_init` key) that names a sandbox. */
export const SANDBOX_HEADER = 'x-sandbox-name';

/** Builds a fresh context per HTTP request and per subscription operation. */
export class ContextFactory {
  constructor(
    private readonly platform: Platform,
    private readonly sandboxes: SandboxService,
  ) {}

  async forHeaders(headers: IncomingHttpHeaders): Promise<Context> {
    return this.forSandbox(await this.sandboxes.resolve(headerValue(headers), SANDBOX_HEADER));
  }

  /**
   * graphql-ws clients put the sandbox in the `connection_init` payload, directly or in a
   * `headers` object there (as GraphiQL does); the upgrade request's header is the fallback.
   */
  async forConnection(params: unknown, headers: IncomingHttpHeaders): Promise<Context> {
    const named = fromConnectionParams(params) ?? headerValue(headers);
    return this.forSandbox(await this.sandboxes.resolve(named, SANDBOX_HEADER));
  }

  private forSandbox(sandbox: string): Context {
    const services = createSandboxServices(this.platform, sandbox);
    return { sandbox, services, sandboxes: this.sandboxes, loaders: createLoaders(services) };
  }
}

function headerValue(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[SANDBOX_HEADER];
  return Array.isArray(value) ? value[0] : value;
}

function fromConnectionParams(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const record = params as Record<string, unknown>;
  const nested = record['headers'];
  const value =
    record[SANDBOX_HEADER] ??
    (typeof nested === 'object' && nested !== null
      ? (nested as Record<string, unknown>)[SANDBOX_HEADER]
      : undefined);
  return typeof value === 'string' ? value : undefined;
}
