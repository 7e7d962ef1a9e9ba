interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: unknown };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

/** A GraphQL request that failed: HTTP status and the errors' codes, for callers to tell apart. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  constructor(
    message: string,
    readonly status: number,
    readonly codes: readonly string[],
  ) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Minimal GraphQL-over-HTTP client (fetch, JSON body); every request has a timeout. */
export class GraphQLClient {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** The answer's data; a GraphQLRequestError unless it has data and no errors. */
  async request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    let body: GraphQLResponse<T>;
    try {
      body = JSON.parse(text) as GraphQLResponse<T>;
    } catch {
      throw new GraphQLRequestError(`HTTP ${res.status}: ${text.slice(0, 300)}`, res.status, []);
    }
    if (body.errors !== undefined && body.errors.length > 0) {
      const codes = body.errors.map((e) => {
        const code = e.extensions?.code;
        return typeof code === 'string' ? code : 'UNKNOWN';
      });
      const messages = body.errors.map((e, i) => `${codes[i]}: ${e.message}`).join('; ');
      throw new GraphQLRequestError(messages, res.status, codes);
    }
    if (body.data === undefined || body.data === null) {
      throw new GraphQLRequestError(`HTTP ${res.status}: no data`, res.status, []);
    }
    return body.data;
  }
}
