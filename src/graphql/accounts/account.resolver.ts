import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ProfileData } from '../../services/profiles/ProfileData';
import { ProfileConnectionType } from '../audiences/audience.type';
import { profileConnection, profilePageArgs } from '../audiences/profileConnection';
import type { Context } from '../Context';
import { IdentityInput } from '../identity/identity.input';
import type { Connection } from '../pagination/Connection';
import { mergedViewResolver } from '../profiles/mergedViewResolver';
import { AccountProfileType } from './account.type';

@Resolver(() => AccountProfileType)
export class AccountResolver extends mergedViewResolver(AccountProfileType) {
  @Query(() => AccountProfileType, {
    nullable: true,
    description: 'Null when the identity has no account data',
  })
  account(
    @Arg('identity', () => IdentityInput) identity: IdentityInput,
    @Arg('mergePolicyId', () => ID, { nullable: true }) mergePolicyId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProfileData | null> {
    return ctx.services.accounts.account(identity, mergePolicyId);
  }

  @FieldResolver(() => ProfileConnectionType, {
    description:
      'Person profiles related to this account (through any of its identities), under the default PROFILE merge policy; kept current in the background, moments after ingest',
  })
  async people(
    @Root() account: ProfileData,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Connection<ProfileData>> {
    const args = profilePageArgs(first, after);
    const page = await ctx.services.accounts.people(account, args.first, args.after);
    return profileConnection(page, await ctx.loaders.peopleCounts.load(account));
  }

  @FieldResolver(() => Int, { description: 'How many people relate to this account' })
  peopleCount(@Root() account: ProfileData, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.peopleCounts.load(account);
  }
}
