import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../Context';
import { IdentityInput } from '../identity/identity.input';

interface DeleteProfileResult {
  fragmentsDeleted: number;
  eventsDeleted: number;
}

@ObjectType('DeleteProfileResult')
export class DeleteProfileResultType implements DeleteProfileResult {
  @Field(() => Int)
  fragmentsDeleted!: number;

  @Field(() => Int)
  eventsDeleted!: number;
}

@Resolver()
export class DeleteProfileResolver {
  @Mutation(() => DeleteProfileResultType, {
    description: 'Removes the fragments and events of every identity in the graph; the graph stays',
  })
  deleteProfile(
    @Arg('identity', () => IdentityInput) identity: IdentityInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteProfileResult> {
    return ctx.services.profiles.delete(identity);
  }
}
