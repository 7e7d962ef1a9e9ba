/**
 * Parts of the API contract the server does not have yet, by the feature that will add them.
 * The contract test fails if anything else is missing or incompatible, and also if a part
 * listed here appears (so this list only ever shrinks, together with the README's).
 */
export const NOT_YET_BUILT: Record<string, readonly string[]> = {
  exports: [
    'ExportFormat',
    'ExportJob',
    'CreateExportJobInput',
    'Mutation.createExportJob',
    'Mutation.cancelExportJob',
    'Query.exportJobs',
    'Query.exportJob',
    'Subscription.exportJobChanged',
  ],
};
