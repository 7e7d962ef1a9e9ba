import type { Dataset } from '../../domain/catalog/types';
import type { GraphLink, GraphNode } from '../../domain/identity/GraphNode';
import type { Identity } from '../../domain/identity/Identity';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
import type { Fragment } from '../../domain/profile/Fragment';

/** What a profile is made of; its fields (attributes, sources, ...) are computed from this. */
export interface ProfileData {
  /** The identity asked for, as stored. */
  identity: Identity;
  policy: MergePolicy;
  /** The graph of the identity: its identities and links (none when it has no graph). */
  graphId: string | null;
  nodes: GraphNode[];
  links: GraphLink[];
  /** The identities whose data it holds: the graph's, or the one asked for (no stitching). */
  stitchedKeys: string[];
  /** The fragments the policy merges: of its class, from the stitched identities. */
  fragments: Fragment[];
  /**
   * The datasets of its fragments, as read to pick them (absent where the profile was built
   * otherwise): `sources` answers from them instead of reading them a second time.
   */
  datasets?: ReadonlyMap<string, Dataset>;
}
