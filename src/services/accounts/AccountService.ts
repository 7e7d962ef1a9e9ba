import { badInput } from '../../domain/AppError';
import type { Identity } from '../../domain/identity/Identity';
import type { MergePolicyService } from '../policies/MergePolicyService';
import type { ProfileData } from '../profiles/ProfileData';
import type { ProfilePage } from '../profiles/ProfilePage';
import type { ProfileService } from '../profiles/ProfileService';
import type { ServiceDeps } from '../ServiceDeps';

/**
 * SEMANTICS §8 account profiles: an account is merged like a person, from the fragments of
 * ACCOUNT datasets under an ACCOUNT policy; its people come from the relations the store
 * status's pass keeps (`AccountRelations`), through every identity of the account.
 */
export class AccountService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly policies: MergePolicyService,
    private readonly profiles: ProfileService,
  ) {}

  /** The merged account of `identity` (an ORGANIZATION identity); null without account data. */
  async account(
    identity: Identity,
    policyId: string | null | undefined,
  ): Promise<ProfileData | null> {
    const namespace = await this.deps.store.namespaces.find(identity.namespace);
    if (namespace !== undefined && namespace.type !== 'ORGANIZATION') {
      throw badInput(
        'identity.namespace',
        `accounts are keyed by ORGANIZATION identities; "${namespace.code}" is ${namespace.type}`,
      );
    }
    const policy = await this.policies.resolve(policyId, 'ACCOUNT', 'mergePolicyId');
    const [found] = await this.profiles.loadUnder([identity], policy, 'identity');
    if (found instanceof Error) throw found;
    // Links alone make no account: only ACCOUNT records do.
    return found !== null && found !== undefined && found.fragments.length > 0 ? found : null;
  }

  /** How many people relate to each account, in order. */
  countPeople(accounts: readonly ProfileData[]): Promise<number[]> {
    return Promise.all(accounts.map((a) => this.deps.store.accounts.countPeople(a.stitchedKeys)));
  }

  /** The people of an account after the profile key `after`, under the default PROFILE policy. */
  async people(account: ProfileData, first: number, after: string | null): Promise<ProfilePage> {
    const rows = await this.deps.store.accounts.people(account.stitchedKeys, after, first + 1);
    return this.profiles.pageOf(rows, first, null, 'people');
  }
}
