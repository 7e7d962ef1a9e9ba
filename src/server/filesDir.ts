import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_MEMORY } from '../storage/sqlite/openSqliteStore';

/**
 * Where the server keeps files beside the store (`batches/` uploads, `exports/` results): the
 * data directory; a throwaway store gets a throwaway directory.
 */
export const filesDir = (dataDir: string): string =>
  dataDir === IN_MEMORY ? mkdtempSync(join(tmpdir(), 'tessera-files-')) : dataDir;
