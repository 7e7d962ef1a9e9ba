import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const DEFAULT_QUERY = `# Welcome to Tessera. Pick a sandbox with the x-sandbox-name header (default: prod).
{
  identityNamespaces {
    code
    type
  }
}
`;

let page: { html: string; etag: string } | undefined;

/**
 * GraphiQL as one self-contained page (scripts, styles and workers inline), so it works with
 * no internet. Rendered once: it is ~9 MB, so it comes with an ETag of its own, computed once,
 * and a browser reloading it gets a 304 instead of the page again.
 */
export function graphiqlPage(): { html: string; etag: string } {
  if (page === undefined) {
    const html = renderGraphiQL({
      title: 'Tessera GraphiQL',
      endpoint: '/graphql',
      subscriptionsProtocol: 'WS',
      defaultQuery: DEFAULT_QUERY,
      headers: JSON.stringify({ 'x-sandbox-name': 'prod' }),
    });
    page = { html, etag: `"${createHash('sha256').update(html).digest('base64url')}"` };
  }
  return page;
}
