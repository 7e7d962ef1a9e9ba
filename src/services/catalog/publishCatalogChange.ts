import type { CatalogAction, CatalogItemKind } from '../../domain/catalog/CatalogChange';
import type { SandboxEvents } from '../../realtime/EventBus';

/** Announces a committed catalog change; call only after the transaction that made it. */
export function publishCatalogChange(
  events: SandboxEvents,
  kind: CatalogItemKind,
  action: CatalogAction,
  item: { id: string; name: string; at: Date },
): void {
  events.publish('catalogChanged', { kind, action, ...item });
}
