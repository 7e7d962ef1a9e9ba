import { SystemJobDocument, type SystemJobQuery } from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';
import type { TestServer } from '../support/testServer';

type Job = NonNullable<SystemJobQuery['systemJob']>;

/** Polls a system job until it is finished (or fails the test after 20 s). */
export async function waitForJob(server: TestServer, sandbox: string, id: string): Promise<Job> {
  const job = await pollUntil(
    async () => (await server.data(SystemJobDocument, { id }, { sandbox })).systemJob,
    (j) => j !== null && ['SUCCESS', 'FAILED'].includes(j.status),
    (j) => `job ${id} still ${j?.status ?? 'missing'}`,
  );
  if (job === null) throw new Error(`job ${id} is missing`);
  return job;
}
