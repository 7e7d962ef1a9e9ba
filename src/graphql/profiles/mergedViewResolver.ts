import { Arg, type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Dataset } from '../../domain/catalog/types';
import type { Identity } from '../../domain/identity/Identity';
import { lastModifiedAt } from '../../domain/merge/lastModifiedAt';
import { sourcesOf } from '../../domain/merge/sourcesOf';
import { mergedAttributes } from '../../services/profiles/mergedAttributes';
import type { ProfileData } from '../../services/profiles/ProfileData';
import { profileIdentities } from '../../services/profiles/profileIdentities';
import { DatasetType } from '../catalog/dataset.type';
import type { Context } from '../Context';
import { IdentityType_ } from '../identity/identity.type';
import { DateTimeScalar } from '../scalars/DateTimeScalar';
import { JSONScalar } from '../scalars/JSONScalar';

/** The fields every merged view has, whatever it merges: a resolver's base class. */
export interface MergedViewFields {
  identities(profile: ProfileData): Identity[];
  attributes(profile: ProfileData, fields: string[] | null | undefined): unknown;
  sources(profile: ProfileData, ctx: Context): Promise<Dataset[]>;
  lastModifiedAt(profile: ProfileData): Date;
}

/**
 * The fields person profiles and account profiles share (SEMANTICS §4, §8): both are the
 * merged view of an identity graph under a policy of their class. A base class per object
 * type, since type-graphql gives a base resolver's fields to one subclass only.
 */
export function mergedViewResolver(objectType: ClassType): ClassType<MergedViewFields> {
  @Resolver(() => objectType)
  class MergedViewResolver implements MergedViewFields {
    @FieldResolver(() => [IdentityType_])
    identities(@Root() profile: ProfileData): Identity[] {
      return profileIdentities(profile);
    }

    @FieldResolver(() => JSONScalar, {
      description: 'The merged attributes; fields limits them to those dot paths',
    })
    attributes(
      @Root() profile: ProfileData,
      @Arg('fields', () => [String], { nullable: true }) fields: string[] | null | undefined,
    ): unknown {
      return mergedAttributes(profile, fields);
    }

    @FieldResolver(() => [DatasetType])
    async sources(@Root() profile: ProfileData, @Ctx() ctx: Context): Promise<Dataset[]> {
      const ids = sourcesOf(profile.fragments, profile.policy);
      // Lookups read these datasets already, to pick the fragments: no second read.
      const known = profile.datasets;
      if (known !== undefined) return ids.flatMap((id) => known.get(id) ?? []);
      const found = await ctx.loaders.datasets.loadMany(ids);
      return found.filter((d): d is Dataset => d !== undefined && !(d instanceof Error));
    }

    @FieldResolver(() => DateTimeScalar, {
      description: 'When its merged data last changed (else: last seen)',
    })
    lastModifiedAt(@Root() profile: ProfileData): Date {
      const seen = Math.max(0, ...profile.nodes.map((n) => n.lastSeen));
      return new Date(lastModifiedAt(profile.fragments, profile.policy) ?? seen);
    }
  }
  return MergedViewResolver;
}
