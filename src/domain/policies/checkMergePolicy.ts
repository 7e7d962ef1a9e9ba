import { Issues } from '../Issues';
import { checkText } from '../catalog/checkText';
import type { Dataset, XdmSchema } from '../catalog/types';
import type { MergePolicy } from './MergePolicy';

/** A dataset as the check needs it: itself and its schema's class. */
export interface OrderedDataset {
  dataset: Dataset;
  schema: Pick<XdmSchema, 'class'>;
}

/**
 * SEMANTICS §4: a policy's name is given; `datasetOrder` is for DATASET_PRECEDENCE (which needs
 * at least one dataset), lists each dataset once, and only profile-enabled datasets of the
 * policy's class. `found` holds the listed datasets that exist, by id.
 */
export function checkMergePolicy(
  policy: Pick<MergePolicy, 'name' | 'schemaClass' | 'attributeMerge' | 'datasetOrder'>,
  found: ReadonlyMap<string, OrderedDataset>,
  prefix: string,
): void {
  const issues = new Issues();
  checkText(issues, `${prefix}.name`, policy.name, { required: true, max: 256 });
  const order = policy.datasetOrder;
  if (policy.attributeMerge === 'TIMESTAMP_ORDERED' && order.length > 0) {
    issues.add(`${prefix}.datasetOrder`, 'applies to DATASET_PRECEDENCE only');
  }
  if (policy.attributeMerge === 'DATASET_PRECEDENCE' && order.length === 0) {
    issues.add(
      `${prefix}.datasetOrder`,
      'DATASET_PRECEDENCE needs at least one dataset, highest first',
    );
  }
  order.forEach((id, i) => {
    const at = `${prefix}.datasetOrder[${i}]`;
    const entry = found.get(id);
    if (order.indexOf(id) !== i) issues.add(at, `dataset "${id}" is listed twice`);
    else if (entry === undefined) issues.add(at, `there is no dataset "${id}"`);
    else if (!entry.dataset.profileEnabled)
      issues.add(at, `dataset "${entry.dataset.name}" is not profile-enabled`);
    else if (entry.schema.class !== policy.schemaClass) {
      issues.add(
        at,
        `dataset "${entry.dataset.name}" holds ${entry.schema.class} data; this policy merges ${policy.schemaClass}`,
      );
    }
  });
  issues.throwIfAny();
}
