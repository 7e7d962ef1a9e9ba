import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

export const SCHEMA_DIR = join(__dirname, '..', '..', '..', 'schema');

/** Breaking changes of the emitted schema against the contract, as `path: message` lines. */
export async function breakingChanges(emitted: string): Promise<string[]> {
  const contract = buildSchema(readFileSync(join(SCHEMA_DIR, 'contract.graphql'), 'utf8'));
  const changes = await diff(contract, buildSchema(emitted));
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((c) => `${c.path ?? '?'}: ${c.message}`)
    .sort();
}
