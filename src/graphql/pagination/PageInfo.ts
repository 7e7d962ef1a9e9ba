import { Field, ObjectType } from 'type-graphql';
import type { PageInfo } from './Connection';

@ObjectType('PageInfo')
export class PageInfoType implements PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
