import { loadConfig } from '../src/config';
import type { Store } from '../src/storage/ports';
import { openStore } from '../src/storage/openStore';
import { log } from './log';
import { UsageError } from './parseOptions';

export const GRAPH_USAGE = `  --graph sqlite|neo4j where the identity graph lives (default sqlite); neo4j takes NEO4J_URI,
                       NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE from the environment and
                       is best run on an empty database (the server and the raw stage both
                       write sandbox "prod" there, and nothing is deleted afterwards)`;

/**
 * Takes `--graph sqlite|neo4j` out of the command line (the other flags go to parseOptions)
 * and applies it through the environment, which the server child inherits and openBenchStore
 * reads: neo4j needs NEO4J_URI set; sqlite unsets it, so a NEO4J_URI left in the shell cannot
 * move the graph without the flag.
 */
export function takeGraphOption(argv: readonly string[]): string[] {
  const rest: string[] = [];
  let graph = 'sqlite';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--graph') graph = argv[++i] ?? '';
    else if (arg.startsWith('--graph=')) graph = arg.slice('--graph='.length);
    else rest.push(arg);
  }
  if (graph === 'sqlite') {
    delete process.env['NEO4J_URI'];
  } else if (graph !== 'neo4j') {
    throw new UsageError(`--graph must be sqlite or neo4j; got "${graph}"`);
  } else if (loadConfig().NEO4J_URI === undefined) {
    throw new UsageError('--graph neo4j needs NEO4J_URI (e.g. bolt://localhost:7687)');
  }
  log(`identity graph: ${graph === 'neo4j' ? `Neo4j at ${process.env['NEO4J_URI']}` : 'SQLite'}`);
  return rest;
}

/** The store of `dataDir` as the server opens it: with the graph in Neo4j under --graph neo4j. */
export const openBenchStore = (dataDir: string): Promise<Store> =>
  openStore({ ...loadConfig(), TESSERA_DATA: dataDir });
