import { SystemJobDocument, type SystemJobQuery } from '../generated/graphql';
import type { TestServer } from '../support/testServer';

type Job = NonNullable<SystemJobQuery['systemJob']>;

/** Polls a system job until it is finished (or fails the test after 20 s). */
export async function waitForJob(server: TestServer, sandbox: string, id: string): Promise<Job> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { systemJob } = await server.data(SystemJobDocument, { id }, { sandbox });
    if (systemJob && ['SUCCESS', 'FAILED'].includes(systemJob.status)) return systemJob;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${systemJob?.status ?? 'missing'}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
