/**
 * One Cypher statement and its parameters. Builders return these and nothing else, so every
 * statement can be linted and snapshotted without a server. Numbers in `params` are plain; the
 * driver module sends whole numbers as Neo4j integers.
 */
export interface Statement {
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
}
