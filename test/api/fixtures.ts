import type { CreateSchemaInput } from '../generated/graphql';

/** A person schema keyed by CRM id, with an email identity, ready to enable for profile. */
export const personSchema = (name = 'Loyalty members'): CreateSchemaInput => ({
  name,
  class: 'PROFILE',
  fields: [
    { path: 'crmId', type: 'STRING', required: true },
    { path: 'email', type: 'STRING' },
    { path: 'person.name.firstName', type: 'STRING' },
    { path: 'person.age', type: 'INTEGER' },
    { path: 'tags', type: 'ARRAY', itemType: 'STRING' },
  ],
  identityDescriptors: [
    { path: 'crmId', namespace: 'CRMID', primary: true },
    { path: 'email', namespace: 'email' },
  ],
});

export const eventSchema = (name = 'Web events'): CreateSchemaInput => ({
  name,
  class: 'EXPERIENCE_EVENT',
  fields: [
    { path: 'eventType', type: 'STRING', required: true },
    { path: 'commerce.order.total', type: 'NUMBER' },
  ],
});
