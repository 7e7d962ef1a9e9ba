/**
 * Parts of the API contract the server does not have yet, by the feature that will add them.
 * The contract test fails if anything else is missing or incompatible, and also if a part
 * listed here appears (so this list only ever shrinks, together with the README's).
 */
export const NOT_YET_BUILT: Record<string, readonly string[]> = {
  realTime: [
    // Pages of profiles: audience members (and account people).
    'ProfileConnection',
    'ProfileEdge',
    'Profile.computedAttributes',
    'Profile.audiences',
    'Subscription.audienceMembershipChanged',
    'AggregationFunction',
    'ComputedAttribute',
    'ComputedAttributeStatus',
    'ComputedAttributeValue',
    'CreateComputedAttributeInput',
    'Duration',
    'DurationInput',
    'DurationUnit',
    'Audience',
    'AudienceCondition',
    'AudienceMembership',
    'AudienceMembershipChange',
    'ComputedCondition',
    'EventCondition',
    'CreateAudienceInput',
    'MembershipStatus',
    'Mutation.createComputedAttribute',
    'Mutation.setComputedAttributeStatus',
    'Mutation.deleteComputedAttribute',
    'Mutation.createAudience',
    'Mutation.deleteAudience',
    'Query.computedAttributes',
    'Query.audiences',
    'Query.audience',
  ],
  exportsAndAccounts: [
    'ExportFormat',
    'ExportJob',
    'CreateExportJobInput',
    'AccountProfile',
    'Mutation.createExportJob',
    'Mutation.cancelExportJob',
    'Query.exportJobs',
    'Query.exportJob',
    'Query.account',
    'Subscription.exportJobChanged',
  ],
};
