import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EXPORT_FORMATS, type ExportFormat, type ExportJob } from '../../domain/exports/ExportJob';
import type { JobStatus } from '../../domain/jobs/SystemJob';
import { asEnum } from '../enums';
import { JobStatusEnum } from '../jobs/systemJob.type';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

export const ExportFormatEnum = asEnum(EXPORT_FORMATS);
registerEnumType(ExportFormatEnum, { name: 'ExportFormat' });

@ObjectType('ExportJob', { description: 'Merged profiles written to a file in the background' })
export class ExportJobType implements Omit<ExportJob, 'mergePolicy' | 'audienceId' | 'updatedAt'> {
  @Field(() => ID)
  id!: string;

  @Field(() => JobStatusEnum)
  status!: JobStatus;

  @Field(() => ExportFormatEnum)
  format!: ExportFormat;

  @Field(() => [String], { nullable: true, description: 'Null: all attributes' })
  fields!: string[] | null;

  @Field(() => Boolean)
  includeEvents!: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  eventsSince!: Date | null;

  @Field(() => Int, { description: 'So far, while it runs; in the file, once SUCCESS' })
  profilesExported!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;
}

@InputType('CreateExportJobInput')
export class CreateExportJobInput {
  @Field(() => ExportFormatEnum, { nullable: true, defaultValue: 'NDJSON' })
  format?: ExportFormat | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Attribute dot paths to keep (all when null); CSV columns, required for CSV',
  })
  fields?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Default PROFILE policy when null' })
  mergePolicyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this audience's current members" })
  audienceId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeEvents?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events from this time on' })
  eventsSince?: Date | null;
}
