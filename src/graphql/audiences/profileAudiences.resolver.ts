import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Audience, Membership } from '../../domain/audiences/Audience';
import type { ComputedValue } from '../../services/computed/ComputedAttributeService';
import type { ProfileData } from '../../services/profiles/ProfileData';
import { ComputedAttributeValueType } from '../computed/computed.type';
import type { Context } from '../Context';
import { ProfileType } from '../profiles/profile.type';
import { AudienceMembershipType, AudienceType } from './audience.type';

/** A membership as the API shows it; `audience` is resolved through the request's loader. */
export interface MembershipApi {
  audienceId: string;
  status: Membership['status'];
  since: Date;
}

/** SEMANTICS §5: what a profile is computed to be, and which audiences it is in. */
@Resolver(() => ProfileType)
export class ProfileAudiencesResolver {
  @FieldResolver(() => [ComputedAttributeValueType], {
    description: 'The ACTIVE computed attributes, current at read time',
  })
  computedAttributes(@Root() profile: ProfileData, @Ctx() ctx: Context): Promise<ComputedValue[]> {
    return ctx.loaders.computedValues.load(profile);
  }

  @FieldResolver(() => [AudienceMembershipType], {
    description: 'Its memberships, EXITED ones included',
  })
  async audiences(@Root() profile: ProfileData, @Ctx() ctx: Context): Promise<MembershipApi[]> {
    const memberships = await ctx.loaders.memberships.load(profile);
    return memberships.map((m) => ({
      audienceId: m.audienceId,
      status: m.status,
      since: new Date(m.since),
    }));
  }
}

@Resolver(() => AudienceMembershipType)
export class AudienceMembershipResolver {
  @FieldResolver(() => AudienceType)
  audience(@Root() membership: MembershipApi, @Ctx() ctx: Context): Promise<Audience> {
    return loadAudience(ctx, membership.audienceId);
  }
}

export async function loadAudience(ctx: Context, id: string): Promise<Audience> {
  const audience = await ctx.loaders.audiences.load(id);
  if (audience === undefined) throw new Error(`audience ${id} no longer exists`);
  return audience;
}
