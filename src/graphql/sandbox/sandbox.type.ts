import { Field, ObjectType } from 'type-graphql';
import type { Sandbox } from '../../domain/sandbox';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

@ObjectType('Sandbox', {
  description: 'An isolated copy of everything; requests pick one with the x-sandbox-name header',
})
export class SandboxType implements Sandbox {
  @Field(() => String)
  name!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
