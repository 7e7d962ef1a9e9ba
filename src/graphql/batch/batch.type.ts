import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  BATCH_FORMATS,
  BATCH_STATUSES,
  type Batch,
  type BatchFile,
  type BatchFormat,
  type BatchStatus,
  type FailedRecord,
} from '../../domain/batch/Batch';
import type { IngestOperation } from '../../domain/ingestion/prepareRecord';
import type { RecordError } from '../../domain/records/RecordError';
import { asEnum } from '../enums';
import { IngestOperationEnum, RecordErrorType } from '../ingestion/ingest.type';
import type { Connection, Edge, PageInfo } from '../pagination/Connection';
import { PageInfoType } from '../pagination/PageInfo';
import { DateTimeScalar } from '../scalars/DateTimeScalar';
import { JSONScalar } from '../scalars/JSONScalar';

export const BatchFormatEnum = asEnum(BATCH_FORMATS);
registerEnumType(BatchFormatEnum, { name: 'BatchFormat' });

export const BatchStatusEnum = asEnum(BATCH_STATUSES);
registerEnumType(BatchStatusEnum, { name: 'BatchStatus' });

@ObjectType('BatchFile')
export class BatchFileType implements BatchFile {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  sizeBytes!: number;
}

@ObjectType('FailedRecord', { description: 'A record the batch could not store, and why' })
export class FailedRecordType implements FailedRecord {
  @Field(() => String)
  file!: string;

  @Field(() => Int, { description: 'Line in the file (JSON arrays: position of the element)' })
  line!: number;

  @Field(() => [RecordErrorType])
  errors!: RecordError[];

  @Field(() => JSONScalar, { nullable: true, description: 'The record as read, or its raw text' })
  record!: unknown;
}

@ObjectType('FailedRecordEdge')
export class FailedRecordEdgeType implements Edge<FailedRecord> {
  @Field(() => String)
  cursor!: string;

  @Field(() => FailedRecordType)
  node!: FailedRecord;
}

@ObjectType('FailedRecordConnection')
export class FailedRecordConnectionType implements Connection<FailedRecord> {
  @Field(() => [FailedRecordEdgeType])
  edges!: Edge<FailedRecord>[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('Batch', { description: 'Files of records ingested into a dataset in the background' })
export class BatchType implements Omit<Batch, 'datasetId' | 'operation' | 'cursor' | 'error'> {
  @Field(() => ID)
  id!: string;

  @Field(() => BatchFormatEnum)
  format!: BatchFormat;

  @Field(() => BatchStatusEnum)
  status!: BatchStatus;

  @Field(() => [BatchFileType])
  files!: BatchFile[];

  @Field(() => Int)
  recordsAccepted!: number;

  @Field(() => Int)
  recordsRejected!: number;

  @Field(() => String, { nullable: true, description: 'Why the batch FAILED' })
  error!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: Date | null;
}

@InputType('CreateBatchInput')
export class CreateBatchInput {
  @Field(() => ID)
  datasetId!: string;

  @Field(() => BatchFormatEnum)
  format!: BatchFormat;

  @Field(() => IngestOperationEnum, { nullable: true, defaultValue: 'CREATE' })
  operation?: IngestOperation | null;
}
