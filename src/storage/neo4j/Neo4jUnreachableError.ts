import { ConfigError } from '../../config';

/**
 * Neo4j is configured but cannot be used. A ConfigError, so start-up prints the message without
 * a stack trace: the fix is the operator's (start Neo4j, correct the URI or the credentials, or
 * unset NEO4J_URI to keep the identity graph in the embedded store).
 */
export class Neo4jUnreachableError extends ConfigError {
  constructor(uri: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `NEO4J_URI=${JSON.stringify(uri)}: cannot use Neo4j (${reason}). Start Neo4j ` +
        '(docker compose up neo4j), check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset ' +
        'NEO4J_URI to keep the identity graph in the embedded store.',
    );
  }
}
