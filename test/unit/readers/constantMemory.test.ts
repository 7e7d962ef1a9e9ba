import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BatchFormat } from '../../../src/batch/readers/BatchItem';
import { readBatchFile } from '../../../src/batch/readers/readBatchFile';
import { fixtureDir } from './readerFixtures';

const RECORDS = 200_000;
const BATCH = 10_000;
const SAMPLE_EVERY = 20_000;
/** Far below the files' ~40 MB: a reader that held the file would retain at least its size. */
const MAX_RETAINED_BYTES = 4 * 1024 * 1024;

const files = fixtureDir();
afterAll(files.cleanup);

const record = (n: number) => ({
  n,
  crmId: `crm-${n}`,
  person: { name: { firstName: `First${n}`, lastName: 'Has "quotes", [brackets] and {braces}' } },
  identityMap: { Email: [{ id: `user${n}@example.com`, primary: true }] },
});

/** Writes `RECORDS` records in batches, so the test itself never holds the file either. */
function writeFixture(name: string, format: 'NDJSON' | 'JSON'): string {
  const path = files.path(name);
  const fd = openSync(path, 'w');
  if (format === 'JSON') writeSync(fd, '[\n');
  for (let start = 0; start < RECORDS; start += BATCH) {
    const lines = Array.from({ length: BATCH }, (_, i) => JSON.stringify(record(start + i)));
    const separator = format === 'JSON' ? ',\n' : '\n';
    writeSync(fd, (format === 'JSON' && start > 0 ? ',\n' : '') + lines.join(separator) + '\n');
  }
  if (format === 'JSON') writeSync(fd, ']\n');
  closeSync(fd);
  return path;
}

/** V8's collector: global.gc under --expose-gc, else enabled at run time for a new context. */
function collector(): () => void {
  const exposed = global.gc;
  if (exposed) {
    return () => {
      exposed();
    };
  }
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Reads the file, collecting garbage every SAMPLE_EVERY items to see what the reader keeps. */
async function measure(path: string, format: BatchFormat) {
  const gc = collector();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let count = 0;
  let sum = 0;
  let retained = 0;
  for await (const item of readBatchFile(path, format, {})) {
    if (!('record' in item)) throw new Error(`item ${item.line}: ${item.error.message}`);
    count++;
    sum += (item.record as { n: number }).n;
    if (count % SAMPLE_EVERY === 0) {
      gc();
      retained = Math.max(retained, process.memoryUsage().heapUsed - heapBefore);
    }
  }
  return { count, sum, retained, fileBytes: statSync(path).size };
}

describe('readBatchFile memory', () => {
  it.each<['NDJSON' | 'JSON', string]>([
    ['NDJSON', 'big.ndjson'],
    ['JSON', 'big.json'],
  ])('reads a %s file of 200k records without holding it', async (format, name) => {
    const path = writeFixture(name, format);
    const result = await measure(path, format);
    // Printed for the record of how much the reader keeps (see the report of this change).
    process.stdout.write(
      `${format}: ${result.fileBytes} bytes read; heap retained ≤ ${result.retained} bytes\n`,
    );
    expect(result.count).toBe(RECORDS);
    expect(result.sum).toBe((RECORDS * (RECORDS - 1)) / 2);
    expect(result.fileBytes).toBeGreaterThan(30 * 1024 * 1024);
    expect(result.retained).toBeLessThan(MAX_RETAINED_BYTES);
  });
});
