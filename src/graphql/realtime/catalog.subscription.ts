import { filter } from '@graphql-yoga/subscription';
import { Arg, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { CatalogChange, CatalogItemKind } from '../../domain/catalog/CatalogChange';
import type { Context } from '../Context';
import { CatalogChangeType, CatalogItemKindEnum } from './catalogChange.type';

interface CatalogChangedArgs {
  kind?: CatalogItemKind | null;
}

@Resolver()
export class CatalogSubscriptionResolver {
  @Subscription(() => CatalogChangeType, {
    description: 'Namespaces, schemas and datasets created or changed in this sandbox',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, CatalogChangedArgs, Context>) => {
      const changes = context.services.events.subscribe('catalogChanged');
      const kind = args.kind ?? undefined;
      return kind === undefined ? changes : filter((c: CatalogChange) => c.kind === kind)(changes);
    },
  })
  catalogChanged(
    @Root() change: CatalogChange,
    @Arg('kind', () => CatalogItemKindEnum, { nullable: true }) _kind: CatalogItemKind | null,
  ): CatalogChange {
    return change;
  }
}
