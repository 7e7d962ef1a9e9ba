import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  JOB_STATUSES,
  type JobStatus,
  SYSTEM_JOB_TYPES,
  type SystemJob,
  type SystemJobType as JobType,
} from '../../domain/jobs/SystemJob';
import { asEnum } from '../enums';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

export const SystemJobTypeEnum = asEnum(SYSTEM_JOB_TYPES);
registerEnumType(SystemJobTypeEnum, { name: 'SystemJobType' });

export const JobStatusEnum = asEnum(JOB_STATUSES);
registerEnumType(JobStatusEnum, { name: 'JobStatus' });

@ObjectType('SystemJob', { description: 'A background deletion from the profile store' })
export class SystemJobType implements Omit<SystemJob, 'datasetId' | 'batchId'> {
  @Field(() => ID)
  id!: string;

  @Field(() => SystemJobTypeEnum)
  type!: JobType;

  @Field(() => JobStatusEnum)
  status!: JobStatus;

  @Field(() => Int)
  fragmentsDeleted!: number;

  @Field(() => Int)
  eventsDeleted!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType('CreateSystemJobInput')
export class CreateSystemJobInput {
  @Field(() => ID)
  datasetId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Given: delete only the events this batch wrote; else truncate the dataset',
  })
  batchId?: string | null;
}
