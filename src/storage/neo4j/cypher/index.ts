/** Every Cypher statement the adapter runs; the offline check covers each export. */
export { graphIdsAfter } from './graphIdsAfter';
export { graphsBreaking } from './graphsBreaking';
export { readIdentitySettings, writeIdentitySettings } from './identitySettings';
export { loadGraphsById, loadGraphsOfKeys, membersOfGraphs } from './loadGraphs';
export { PING } from './ping';
export { saveGraphChanges } from './saveGraphChanges';
export { SCHEMA_STATEMENTS } from './schemaStatements';
export type { Statement } from './Statement';
