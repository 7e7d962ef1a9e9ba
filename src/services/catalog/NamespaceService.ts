import { conflict } from '../../domain/AppError';
import { checkNamespaceInput } from '../../domain/catalog/checkNamespaceInput';
import type { IdentityNamespace } from '../../domain/catalog/types';
import type { IdentityType } from '../../domain/enumValues';
import type { SandboxStore } from '../../storage/ports';
import type { Clock } from '../Clock';
import type { ServiceDeps } from '../ServiceDeps';
import { publishCatalogChange } from './publishCatalogChange';

export interface CreateNamespaceInput {
  code: string;
  name: string;
  description?: string | null;
  type: IdentityType;
}

export class NamespaceService {
  private readonly store: SandboxStore;
  private readonly clock: Clock;

  constructor(private readonly deps: ServiceDeps) {
    this.store = deps.store;
    this.clock = deps.clock;
  }

  list(): Promise<IdentityNamespace[]> {
    return this.store.namespaces.list();
  }

  /** SEMANTICS §1: custom namespaces; codes unique case-insensitively and immutable. */
  async create(input: CreateNamespaceInput): Promise<IdentityNamespace> {
    checkNamespaceInput(input, 'input');
    const namespace: IdentityNamespace = {
      code: input.code,
      name: input.name.trim(),
      description: input.description?.trim() ?? null,
      type: input.type,
      custom: true,
      createdAt: this.clock(),
    };
    if ((await this.store.namespaces.insertMissing([namespace])) === 0) {
      const taken = await this.store.namespaces.find(input.code);
      throw conflict(
        'input.code',
        `identity namespace "${taken?.code ?? input.code}" already exists (codes are unique regardless of case)`,
      );
    }
    publishCatalogChange(this.deps.events, 'NAMESPACE', 'CREATED', {
      id: namespace.code,
      name: namespace.name,
      at: namespace.createdAt,
    });
    return namespace;
  }
}
