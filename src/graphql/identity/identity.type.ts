import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { IdentityType } from '../../domain/enumValues';
import type { Identity } from '../../domain/identity/Identity';
import type { IdentitySettings } from '../../domain/identity/IdentitySettings';
import { IdentityTypeEnum } from '../enums';
import type { GraphIdentityApi, IdentityGraphApi, IdentityLinkApi } from './graphViews';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

@ObjectType('Identity', { description: 'A value in an identity namespace' })
export class IdentityType_ implements Identity {
  @Field(() => String)
  namespace!: string;

  @Field(() => String)
  id!: string;
}

@ObjectType('GraphIdentity')
export class GraphIdentityType implements GraphIdentityApi {
  @Field(() => String)
  namespace!: string;

  @Field(() => String)
  id!: string;

  @Field(() => IdentityTypeEnum)
  type!: IdentityType;

  @Field(() => DateTimeScalar)
  firstSeen!: Date;

  @Field(() => DateTimeScalar)
  lastSeen!: Date;
}

@ObjectType('IdentityLink', { description: 'Two identities asserted to be one person' })
export class IdentityLinkType implements IdentityLinkApi {
  @Field(() => IdentityType_)
  from!: Identity;

  @Field(() => IdentityType_)
  to!: Identity;

  datasetIds!: string[];

  @Field(() => DateTimeScalar)
  firstSeen!: Date;

  @Field(() => DateTimeScalar)
  lastSeen!: Date;
}

@ObjectType('IdentityGraph', { description: 'The identities linked into one profile' })
export class IdentityGraphType implements IdentityGraphApi {
  @Field(() => ID, { description: 'Stable only until the graph changes' })
  id!: string;

  @Field(() => Int)
  size!: number;

  @Field(() => [GraphIdentityType])
  identities!: GraphIdentityApi[];

  @Field(() => [IdentityLinkType])
  links!: IdentityLinkApi[];
}

@ObjectType('IdentitySettings')
export class IdentitySettingsType implements IdentitySettings {
  @Field(() => Int, { description: 'Default 50' })
  maxGraphSize!: number;

  @Field(() => [String], { description: 'At most one identity of each per graph' })
  uniqueNamespaces!: string[];

  @Field(() => [String], { description: 'Highest first; picks the primary identity of events' })
  namespacePriority!: string[];

  @Field(() => [String], { description: 'Identity values never linked, e.g. "null", "anonymous"' })
  blockedValues!: string[];
}
