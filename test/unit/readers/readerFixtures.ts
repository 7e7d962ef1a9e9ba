import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaField } from '../../../src/domain/catalog/types';
import type { FieldType } from '../../../src/domain/enumValues';
import type { BatchItem } from '../../../src/batch/readers/BatchItem';

/** A temp directory for one test file's fixtures; `cleanup` in afterAll. */
export function fixtureDir(): {
  write: (name: string, content: string | Uint8Array) => string;
  path: (name: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-readers-'));
  return {
    write: (name, content) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    },
    path: (name) => join(dir, name),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every item, then the error the iterator threw (undefined when it ended normally). */
export async function readAll(
  items: AsyncIterable<BatchItem>,
): Promise<{ items: BatchItem[]; thrown: string | undefined }> {
  const read: BatchItem[] = [];
  try {
    for await (const item of items) read.push(item);
  } catch (err) {
    return { items: read, thrown: (err as Error).message };
  }
  return { items: read, thrown: undefined };
}

export const field = (
  path: string,
  type: FieldType,
  itemType: FieldType | null = null,
): SchemaField => ({ path, type, itemType, required: false, description: null });

/** JSON.parse's message for `text`, which the readers quote (V8 words it; we do not). */
export function jsonParseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${text} is valid JSON`);
}
