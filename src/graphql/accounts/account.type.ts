import { ObjectType } from 'type-graphql';

@ObjectType('AccountProfile', {
  description: 'The merged view of one B2B account, under an ACCOUNT merge policy, and its people',
})
export class AccountProfileType {}
