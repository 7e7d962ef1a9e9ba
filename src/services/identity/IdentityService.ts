import { namespaceKey } from '../../domain/catalog/checkNamespaceInput';
import { checkIdentitySettings } from '../../domain/identity/checkIdentitySettings';
import type { GraphLink, GraphNode } from '../../domain/identity/GraphNode';
import { GraphWorkspace } from '../../domain/identity/GraphWorkspace';
import { type Identity, identityKey } from '../../domain/identity/Identity';
import {
  DEFAULT_IDENTITY_SETTINGS,
  type IdentitySettings,
} from '../../domain/identity/IdentitySettings';
import { type PathStep, shortestLinkPath } from '../../domain/identity/shortestLinkPath';
import type { SandboxStore } from '../../storage/ports';
import { namespacesByKey } from '../catalog/namespacesByKey';
import { newGraphId } from '../newGraphId';
import type { ServiceDeps } from '../ServiceDeps';
import { canonicalIdentity } from './canonicalIdentity';
import type { IdentityRepairs } from './IdentityRepairs';

export interface IdentityGraphView {
  id: string;
  nodes: GraphNode[];
  links: GraphLink[];
}

/** SEMANTICS §3: settings, graph lookups and explanations. Linking happens at ingestion. */
export class IdentityService {
  private readonly store: SandboxStore;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly repairs: IdentityRepairs,
  ) {
    this.store = deps.store;
  }

  async settings(): Promise<IdentitySettings> {
    return (await this.store.identities.settings()) ?? { ...DEFAULT_IDENTITY_SETTINGS };
  }

  /** Saves the new rules, then repairs existing graphs that break them in the background. */
  async updateSettings(changes: Partial<IdentitySettings>): Promise<IdentitySettings> {
    const namespaces = await namespacesByKey(this.store);
    const canonical = (code: string) => namespaces.get(namespaceKey(code))?.code;
    const merged = { ...(await this.settings()), ...definedOnly(changes) };
    const settings = checkIdentitySettings(merged, canonical, 'input');
    await this.store.identities.saveSettings(settings, this.deps.clock());
    this.repairs.schedule(this.deps.store.sandbox);
    return settings;
  }

  /** The graph holding `identity`, or undefined when the identity is unknown. */
  async graph(identity: Identity): Promise<IdentityGraphView | undefined> {
    const key = identityKey(await this.canonical(identity));
    const loaded = await this.store.identities.loadGraphsOf([key]);
    const node = loaded.nodes.find((n) => n.key === key);
    if (node === undefined) return undefined;
    return {
      id: node.graphId,
      nodes: loaded.nodes.filter((n) => n.graphId === node.graphId),
      links: loaded.links.filter((l) => l.graphId === node.graphId),
    };
  }

  /** SEMANTICS §3 (explain): the shortest chain of links joining two identities, or undefined. */
  async linkPath(from: Identity, to: Identity): Promise<PathStep[] | undefined> {
    const [fromKey, toKey] = [
      identityKey(await this.canonical(from)),
      identityKey(await this.canonical(to)),
    ];
    const ws = new GraphWorkspace(await this.store.identities.loadGraphsOf([fromKey]), newGraphId);
    if (ws.node(fromKey) === undefined || ws.node(toKey) === undefined) return undefined;
    return shortestLinkPath(ws, fromKey, toKey);
  }

  private async canonical(identity: Identity): Promise<Identity> {
    return canonicalIdentity(identity, await namespacesByKey(this.store), 'identity');
  }
}

function definedOnly<T extends object>(changes: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}
