import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Identity } from '../../domain/identity/Identity';
import type { IngestOperation } from '../../domain/ingestion/prepareRecord';
import type { RecordError } from '../../domain/records/RecordError';
import type { IngestResult, RecordResult } from '../../services/ingestion/IngestionService';
import { asEnum } from '../enums';
import { IdentityType_ } from '../identity/identity.type';
import { JSONScalar } from '../scalars/JSONScalar';

export const IngestOperationEnum = asEnum(['CREATE', 'MERGE', 'DELETE'] as const);
registerEnumType(IngestOperationEnum, {
  name: 'IngestOperation',
  valuesConfig: {
    CREATE: { description: 'A record replaces its fragment; an event is appended' },
    MERGE: { description: 'A record is merged into its fragment (upsert-enabled datasets only)' },
    DELETE: { description: "The record's fragment is removed from the profile store" },
  },
});

export const RecordStatusEnum = asEnum(['ACCEPTED', 'REJECTED'] as const);
registerEnumType(RecordStatusEnum, { name: 'RecordStatus' });

@ObjectType('RecordError', {
  description: 'A problem with one record; on an ACCEPTED record, a warning',
})
export class RecordErrorType implements RecordError {
  @Field(() => String, {
    description: 'e.g. SCHEMA_VALIDATION, MISSING_IDENTITY, GRAPH_COLLAPSE, TOO_LARGE',
  })
  code!: RecordError['code'];

  @Field(() => String)
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Field path inside the record, where one applies',
  })
  path!: string | null;
}

@ObjectType('RecordResult')
export class RecordResultType implements RecordResult {
  @Field(() => Int, { description: 'Position in the request (or line number within a batch file)' })
  index!: number;

  @Field(() => RecordStatusEnum)
  status!: RecordResult['status'];

  @Field(() => IdentityType_, {
    nullable: true,
    description: 'The primary identity the record was stored under',
  })
  identity!: Identity | null;

  @Field(() => [RecordErrorType])
  errors!: RecordError[];
}

@ObjectType('IngestResult')
export class IngestResultType implements IngestResult {
  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [RecordResultType])
  results!: RecordResult[];
}

@InputType('IngestInput')
export class IngestInput {
  @Field(() => ID)
  datasetId!: string;

  @Field(() => IngestOperationEnum, { nullable: true, defaultValue: 'CREATE' })
  operation?: IngestOperation | null;

  @Field(() => [JSONScalar], { description: 'XDM records or events; at most 1000 per call' })
  records!: unknown[];
}
