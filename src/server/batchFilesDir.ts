import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_MEMORY } from '../storage/sqlite/openSqliteStore';

/** Batch uploads live beside the store; a throwaway store gets a throwaway directory. */
export const batchFilesDir = (dataDir: string): string =>
  dataDir === IN_MEMORY
    ? mkdtempSync(join(tmpdir(), 'tessera-batches-'))
    : join(dataDir, 'batches');
