import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printGraphQLSchema } from '../graphql/buildGraphQLSchema';

/** `npm run emit-schema`: writes the SDL the code defines to schema/schema.graphql. */
async function main(): Promise<void> {
  const file = join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
  writeFileSync(file, await printGraphQLSchema());
  process.stdout.write(`wrote ${file}\n`);
}

void main();
