import { conflict, notFound } from '../../domain/AppError';
import type { Audience, ConditionInput, Membership } from '../../domain/audiences/Audience';
import { checkCondition } from '../../domain/audiences/checkCondition';
import { checkText } from '../../domain/catalog/checkText';
import { identityKey } from '../../domain/identity/Identity';
import { Issues } from '../../domain/Issues';
import { newId } from '../newId';
import type { MergePolicyService } from '../policies/MergePolicyService';
import type { ProfileData } from '../profiles/ProfileData';
import type { ProfilePage } from '../profiles/ProfilePage';
import type { ProfileService } from '../profiles/ProfileService';
import type { ServiceDeps } from '../ServiceDeps';
import type { AudienceUpkeep } from './AudienceUpkeep';
import { graphProfileKey, identityProfileKey } from './evaluateAudiences';

export interface AudienceInput {
  name: string;
  description?: string | null;
  condition: ConditionInput;
  mergePolicyId?: string | null;
}

/**
 * SEMANTICS §5 audiences: definitions and memberships. Evaluation itself runs in the
 * background (`AudienceUpkeep`): a new audience is evaluated over the existing profiles after
 * it is created, and every committed change to a profile re-evaluates it.
 */
export class AudienceService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly policies: MergePolicyService,
    private readonly profiles: ProfileService,
    private readonly upkeep: AudienceUpkeep,
  ) {}

  list(): Promise<Audience[]> {
    return this.deps.store.audiences.list();
  }

  getMany(ids: readonly string[]): Promise<(Audience | undefined)[]> {
    return this.deps.store.audiences.getMany(ids);
  }

  async create(input: AudienceInput): Promise<Audience> {
    const issues = new Issues();
    checkText(issues, 'input.name', input.name, { required: true, max: 256 });
    checkText(issues, 'input.description', input.description, { required: false, max: 1024 });
    issues.throwIfAny();
    const policy = await this.policies.resolve(
      input.mergePolicyId,
      'PROFILE',
      'input.mergePolicyId',
    );
    const audience = await this.deps.store.transaction(async (store) => {
      const active = (await store.computed.list()).filter((c) => c.status === 'ACTIVE');
      const condition = checkCondition(
        input.condition,
        'input.condition',
        new Set(active.map((c) => c.name)),
      );
      const now = this.deps.clock();
      const created: Audience = {
        id: newId('aud'),
        name: input.name,
        description: input.description ?? null,
        condition,
        mergePolicyId: policy.id,
        backfill: { done: false, cursor: null, evaluated: 0 },
        createdAt: now,
        updatedAt: now,
      };
      if (!(await store.audiences.insert(created)))
        throw conflict('input.name', `an audience named "${input.name}" already exists`);
      return created;
    });
    this.upkeep.scheduleBackfill(this.deps.store.sandbox, audience.id);
    return audience;
  }

  async delete(id: string): Promise<boolean> {
    const [audience] = await this.getMany([id]);
    if (audience === undefined) throw notFound('id', `there is no audience "${id}"`);
    await this.deps.store.audiences.delete(id);
    return true;
  }

  countMembers(ids: readonly string[]): Promise<Map<string, number>> {
    return this.deps.store.audiences.countMembers(ids);
  }

  /** Current members after the profile key `after`, in key order. */
  async members(audience: Audience, first: number, after: string | null): Promise<ProfilePage> {
    const rows = await this.deps.store.audiences.members(audience.id, after, first + 1);
    return this.profiles.pageOf(rows, first, audience.mergePolicyId, 'members');
  }

  /** The memberships of many profiles at once, each under the key its audiences use. */
  async membershipsOf(profiles: readonly ProfileData[]): Promise<Membership[][]> {
    // A profile's memberships are under its graph (stitching audiences) or its identity.
    const keysOf = (p: ProfileData) => [
      ...(p.graphId === null ? [] : [graphProfileKey(p.graphId)]),
      identityProfileKey(identityKey(p.identity)),
    ];
    const found = await this.deps.store.audiences.membershipsOf([
      ...new Set(profiles.flatMap(keysOf)),
    ]);
    return profiles.map((p) => {
      const keys = new Set(keysOf(p));
      return found.filter((m) => keys.has(m.profileKey));
    });
  }
}
