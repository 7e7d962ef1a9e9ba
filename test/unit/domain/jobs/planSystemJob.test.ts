import type { Batch, BatchStatus } from '../../../../src/domain/batch/Batch';
import type { Dataset, XdmSchema } from '../../../../src/domain/catalog/types';
import type { SchemaClass } from '../../../../src/domain/enumValues';
import { planSystemJob } from '../../../../src/domain/jobs/planSystemJob';
import { catchAppError } from '../expectBadInput';

const dataset = { id: 'd1', schemaId: 's1' } as Dataset;
const schemaOf = (schemaClass: SchemaClass) => ({ id: 's1', class: schemaClass }) as XdmSchema;
const batch = (status: BatchStatus, datasetId = 'd1') => ({ id: 'b1', datasetId, status }) as Batch;
const events = schemaOf('EXPERIENCE_EVENT');

describe('planSystemJob', () => {
  it('truncates the dataset when no batch is given', () => {
    expect(planSystemJob({ datasetId: 'd1', batchId: null }, dataset, events, undefined)).toBe(
      'TRUNCATE_DATASET',
    );
  });

  it.each<BatchStatus>(['SUCCESS', 'PARTIAL', 'FAILED', 'ABORTED'])(
    'deletes the events of a %s batch of an event dataset',
    (status) => {
      const request = { datasetId: 'd1', batchId: 'b1' };
      expect(planSystemJob(request, dataset, events, batch(status))).toBe('DELETE_EVENT_BATCH');
    },
  );

  it.each<[string, () => unknown, string, string, string]>([
    [
      'an unknown dataset',
      () => planSystemJob({ datasetId: 'x', batchId: null }, undefined, undefined, undefined),
      'NOT_FOUND',
      'input.datasetId',
      'no dataset "x"',
    ],
    [
      'an unknown batch',
      () => planSystemJob({ datasetId: 'd1', batchId: 'b9' }, dataset, events, undefined),
      'NOT_FOUND',
      'input.batchId',
      'no batch "b9"',
    ],
    [
      "another dataset's batch",
      () =>
        planSystemJob({ datasetId: 'd1', batchId: 'b1' }, dataset, events, batch('SUCCESS', 'd2')),
      'BAD_USER_INPUT',
      'input.batchId',
      'belongs to another dataset',
    ],
    [
      'a batch of profile records',
      () =>
        planSystemJob(
          { datasetId: 'd1', batchId: 'b1' },
          dataset,
          schemaOf('PROFILE'),
          batch('SUCCESS'),
        ),
      'NOT_EVENT_BATCH',
      'input.batchId',
      'not events',
    ],
    [
      'a batch still processing',
      () => planSystemJob({ datasetId: 'd1', batchId: 'b1' }, dataset, events, batch('PROCESSING')),
      'CONFLICT',
      'input.batchId',
      'is PROCESSING',
    ],
  ])('refuses %s', (_, run, code, field, message) => {
    const error = catchAppError(run);
    expect([error.code, error.field]).toEqual([code, field]);
    expect(error.message).toContain(message);
  });
});
