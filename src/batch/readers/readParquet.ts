import type { SchemaField } from '../../domain/catalog/types';
import type { FieldType } from '../../domain/enumValues';
import type { BatchItem } from './BatchItem';
import { FileAsyncBuffer } from './FileAsyncBuffer';
import { flatColumns, type FlatColumn } from './flatColumns';
import { flatRecord } from './flatRecord';
import { loadHyparquet } from './loadHyparquet';
import { parquetValue } from './parquetValue';

/**
 * Parquet: one record per row; `line` is the 1-based row number. Rows are decoded one row group
 * at a time, so memory follows the largest row group, not the file. Top-level column names are
 * read like a CSV header (dot paths, `identityMap.<Namespace>` identity columns), so a file
 * flattened by a warehouse export and one with nested structs give the same records. Values
 * keep their Parquet types (no coercion); see parquetValue for the conversions. A file that is
 * not Parquet, or a corrupt row group, throws: the batch is unreadable from there.
 */
export async function* readParquet(
  path: string,
  fields?: readonly SchemaField[],
): AsyncGenerator<BatchItem> {
  const { parquetMetadataAsync, parquetReadObjects, parquetSchema } = await loadHyparquet();
  const byPath = new Map(fields?.map((field) => [field.path, field]));
  const file = await FileAsyncBuffer.open(path);
  try {
    const metadata = await parquetMetadataAsync(file);
    const names = parquetSchema(metadata).children.map((child) => child.element.name);
    const columns = flatColumns(names, fields);
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      const rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd });
      for (const [i, row] of rows.entries()) {
        const values = columns.map((column, c) =>
          parquetValue(row[names[c] ?? ''], column.path, fieldType(column), byPath),
        );
        yield { line: rowStart + i + 1, record: flatRecord(columns, values) };
      }
      rowStart = rowEnd;
    }
  } finally {
    await file.close();
  }
}

const fieldType = (column: FlatColumn): FieldType | undefined =>
  column.kind === 'value' ? column.field?.type : undefined;
