import { useTestServer } from '../support/testServer';

const server = useTestServer();

const base = () => server.url.replace('/graphql', '');
const post = (
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => fetch(server.url, { method: 'POST', headers, body });

describe('GraphQL over HTTP', () => {
  it('answers queries sent with GET', async () => {
    const query = encodeURIComponent('{ identityNamespaces { code } }');
    const res = await fetch(`${server.url}?query=${query}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { identityNamespaces: { code: string }[] } };
    expect(body.data.identityNamespaces.map((n) => n.code)).toContain('CRMID');
    // Answers are never cached, so none carries a validator that would cost a hash of the body.
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('refuses mutations sent with GET', async () => {
    const query = encodeURIComponent('mutation { createSandbox(name: "viaget") { name } }');
    const res = await fetch(`${server.url}?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(405);
  });

  it('answers a body that is not JSON with a coded 400, no stack trace', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).toContain('not valid JSON');
    expect(text).not.toMatch(/at .*\.js:\d+/);
  });

  it('reads compressed bodies, and refuses an encoding it cannot read or a body too large', async () => {
    const { gzipSync } = await import('node:zlib');
    const zipped = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ query: '{ __typename }' })),
    });
    expect(await zipped.json()).toEqual({ data: { __typename: 'Query' } });
    const unknown = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'zstd' },
      body: '{}',
    });
    expect(unknown.status).toBe(415);
    const large = await post(`{"query": "{ __typename }"${' '.repeat(65 * 1024 * 1024)}}`);
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('stops reading a body as soon as it is over the limit, compressed or sent in chunks', async () => {
    const { gzipSync } = await import('node:zlib');
    // About 200 KB of gzip that inflates to 200 MB: refused at 64 MB, not inflated whole.
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, ' '), { level: 1 });
    const inflated = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(inflated.status).toBe(413);
    const chunk = new TextEncoder().encode(' '.repeat(1024 * 1024));
    let sent = 0;
    const chunked = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // No content-length: the limit can only be seen while reading.
      body: new ReadableStream({
        pull: (controller) => {
          if (sent++ < 65) controller.enqueue(chunk);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect((await post(JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
  });

  it('refuses an encoding named after an object member, and charsets other than UTF-8', async () => {
    for (const encoding of ['constructor', '__proto__', 'toString']) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{"query": "{ __typename }"}',
      });
      expect(res.status).toBe(415);
    }
    const latin1 = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: '{"query": "{ __typename }"}',
    });
    expect(latin1.status).toBe(415);
    expect(await latin1.json()).toMatchObject({
      errors: [{ message: expect.stringContaining('UTF-8') as unknown }],
    });
    const bom = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '\ufeff{"query": "{ __typename }"}',
    });
    expect(await bom.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a query that does not parse or validate with coded errors', async () => {
    const parse = await post(JSON.stringify({ query: '{ identityNamespaces { ' }));
    expect(parse.status).toBe(400);
    expect(await parse.json()).toMatchObject({
      errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
    });
    const invalid = await post(JSON.stringify({ query: '{ noSuchField }' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      errors: [
        {
          message: 'Cannot query field "noSuchField" on type "Query".',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it('serves GraphiQL from its own assets to a browser', async () => {
    const res = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<title>Tessera GraphiQL</title>');
    // Everything is inline: the page loads no script or stylesheet from anywhere.
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
  });

  it('answers a browser that holds the GraphiQL page already with 304', async () => {
    const accept = 'text/html,application/xhtml+xml';
    const first = await fetch(server.url, { headers: { accept } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    await first.arrayBuffer();
    // As a browser reloading the page asks (fetch would add `cache-control: no-cache` itself).
    const reload = { accept, 'cache-control': 'max-age=0' };
    const again = await fetch(server.url, { headers: { ...reload, 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const head = await fetch(server.url, { method: 'HEAD', headers: { accept } });
    expect([head.status, head.headers.get('etag')]).toEqual([200, etag]);
    const other = await fetch(server.url, { headers: { ...reload, 'if-none-match': '"older"' } });
    expect(other.status).toBe(200);
    expect((await other.text()).length).toBeGreaterThan(1_000_000);
  });

  it('reports health and readiness', async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
