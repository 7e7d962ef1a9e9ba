import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { BatchResolver } from './batch/batch.resolver';
import { DatasetResolver } from './catalog/dataset.resolver';
import { NamespaceResolver } from './catalog/namespace.resolver';
import { SchemaResolver } from './catalog/schema.resolver';
import { CatalogSubscriptionResolver } from './realtime/catalog.subscription';
import { AccountResolver } from './accounts/account.resolver';
import { AudienceResolver } from './audiences/audience.resolver';
import { MembershipChangedResolver } from './audiences/membershipChanged.subscription';
import {
  AudienceMembershipResolver,
  ProfileAudiencesResolver,
} from './audiences/profileAudiences.resolver';
import { ComputedAttributeResolver } from './computed/computed.resolver';
import { IdentityGraphChangedResolver } from './realtime/identityGraphChanged.subscription';
import {
  BatchStatusResolver,
  ProfileUpdatesResolver,
} from './realtime/profileUpdates.subscription';
import { IdentityResolver } from './identity/identity.resolver';
import { IngestResolver } from './ingestion/ingest.resolver';
import { MergePolicyResolver } from './policies/policy.resolver';
import { DeleteProfileResolver } from './profiles/deleteProfile.resolver';
import {
  ExperienceEventResolver,
  ProfileFragmentResolver,
  ProfileResolver,
} from './profiles/profile.resolver';
import { SandboxResolver } from './sandbox/sandbox.resolver';
import { ExportJobResolver } from './exports/exportJob.resolver';
import { ExportJobChangedResolver } from './exports/exportJobChanged.subscription';
import { SystemJobResolver } from './jobs/systemJob.resolver';
import { DatasetDistributionResolver, StoreStatusResolver } from './status/storeStatus.resolver';

/**
 * type-graphql wants one global PubSub, but a global one would mix servers (and sandboxes):
 * every subscription reads the request's own event bus through its `subscribe` option instead.
 */
const noGlobalPubSub: PubSub = {
  publish() {
    throw new Error('publish through the event bus in the services, not a global PubSub');
  },
  subscribe() {
    throw new Error('subscriptions must use their own `subscribe` over context.services.events');
  },
};

export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      NamespaceResolver,
      SchemaResolver,
      DatasetResolver,
      SandboxResolver,
      CatalogSubscriptionResolver,
      ProfileUpdatesResolver,
      IdentityGraphChangedResolver,
      BatchStatusResolver,
      ComputedAttributeResolver,
      AudienceResolver,
      ProfileAudiencesResolver,
      AudienceMembershipResolver,
      MembershipChangedResolver,
      IdentityResolver,
      IngestResolver,
      BatchResolver,
      MergePolicyResolver,
      ProfileResolver,
      ProfileFragmentResolver,
      ExperienceEventResolver,
      DeleteProfileResolver,
      AccountResolver,
      SystemJobResolver,
      ExportJobResolver,
      ExportJobChangedResolver,
      StoreStatusResolver,
      DatasetDistributionResolver,
    ],
    // Inputs are checked by the domain, which knows the rules and names the bad field.
    validate: false,
    pubSub: noGlobalPubSub,
  });
}

const HEADER =
  '# The GraphQL API of Tessera, emitted from the code by `npm run emit-schema`. Do not edit.\n\n';

/** The SDL committed as schema/schema.graphql; sorted so that diffs show only real changes. */
export async function printGraphQLSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildGraphQLSchema())) + '\n';
}
