import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const DEFAULT_QUERY = `# Welcome to Tessera. Pick a sandbox with the x-sandbox-name header (default: prod).
{
  identityNamespaces {
    code
    type
  }
}
`;

let page: string | undefined;

/**
 * GraphiQL as one self-contained page (scripts, styles and workers inline), so it works with
 * no internet. Rendered once: it is ~9 MB.
 */
export function graphiqlPage(): string {
  page ??= renderGraphiQL({
    title: 'Tessera GraphiQL',
    endpoint: '/graphql',
    subscriptionsProtocol: 'WS',
    defaultQuery: DEFAULT_QUERY,
    headers: JSON.stringify({ 'x-sandbox-name': 'prod' }),
  });
  return page;
}
