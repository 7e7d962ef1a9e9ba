import {
  CreateExportJobDocument,
  type CreateExportJobInput,
  ExportJobDocument,
  type JobStatus,
} from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';
import type { TestServer } from '../support/testServer';
import { type Datasets, ingestInto, setupDatasets } from './ingestSetup';

/** One line of an NDJSON export. */
export interface Exported {
  identities: { namespace: string; id: string }[];
  attributes: Record<string, unknown>;
  events?: { id: string; timestamp: string; data: Record<string, unknown> }[];
}

export const idsOf = (p: Exported) => p.identities.map((i) => `${i.namespace}:${i.id}`).sort();
export const crmOf = (p: Exported) => p.identities.find((i) => i.namespace === 'CRMID')?.id;
/** People c<from>…c<to - 1>, each with an email (c<i>@example.com unless `email` says). */
export const people = (from: number, to: number, email = (i: number) => `c${i}@example.com`) =>
  Array.from({ length: to - from }, (_, k) => ({ crmId: `c${from + k}`, email: email(from + k) }));

/** Export jobs through the API of `server`: create, wait for, download. */
export function exportClient(server: TestServer) {
  const createExport = async (ds: Datasets, input: CreateExportJobInput) =>
    (await server.data(CreateExportJobDocument, { input }, { sandbox: ds.sandbox }))
      .createExportJob;

  /** Polls a job until its status is one of `statuses`. */
  const jobOnceIn = async (ds: Datasets, id: string, statuses: readonly JobStatus[]) => {
    const { exportJob } = await pollUntil(
      () => server.data(ExportJobDocument, { id }, { sandbox: ds.sandbox }),
      (r) => r.exportJob !== null && statuses.includes(r.exportJob.status),
      (r) => JSON.stringify(r.exportJob),
      { everyMs: 1 },
    );
    if (exportJob === null) throw new Error(`no job ${id}`);
    return exportJob;
  };

  const finished = (ds: Datasets, id: string) => jobOnceIn(ds, id, ['SUCCESS', 'FAILED']);

  const download = (sandbox: string, path: string) =>
    fetch(new URL(path, server.url), { headers: { 'x-sandbox-name': sandbox } });

  const exportNdjson = async (ds: Datasets, input: CreateExportJobInput): Promise<Exported[]> => {
    const job = await finished(ds, (await createExport(ds, input)).id);
    expect(job.status).toBe('SUCCESS');
    const res = await download(ds.sandbox, job.downloadPath ?? '');
    expect(res.status).toBe(200);
    const lines = (await res.text()).split('\n');
    expect(lines.pop()).toBe('');
    return lines.map((line) => JSON.parse(line) as Exported);
  };

  return { createExport, jobOnceIn, finished, download, exportNdjson };
}

/**
 * SEMANTICS §7: 400 profiles are exported while every email moves to a new person (the
 * unique CRM id rule re-links it), which changes graphs on both sides of the export's cursor;
 * the file must hold each profile once, as it was when the export started. `server` must
 * export in small pages, so the change lands while the export runs (checked, not assumed).
 */
export async function expectConsistentSnapshot(server: TestServer): Promise<void> {
  const { createExport, jobOnceIn, finished, download } = exportClient(server);
  const ds = await setupDatasets(server, 'expn');
  await ingestInto(server, ds, ds.crm, people(0, 400));
  const job = await createExport(ds, { fields: ['email'] });
  await jobOnceIn(ds, job.id, ['IN_PROGRESS']);
  await ingestInto(
    server,
    ds,
    ds.crm,
    people(400, 800, (i) => `c${i - 400}@example.com`),
  );
  const changedAt = Date.now();
  const done = await finished(ds, job.id);
  expect(new Date(done.finishedAt ?? 0).getTime()).toBeGreaterThan(changedAt);
  const rows = await (await download(ds.sandbox, done.downloadPath ?? '')).text();
  const profiles = rows
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Exported);
  expect(profiles).toHaveLength(400);
  const seen = profiles.flatMap(idsOf);
  expect(new Set(seen).size).toBe(seen.length);
  for (const p of profiles) {
    const crm = crmOf(p) ?? '';
    expect(p.attributes.email).toBe(`${crm}@example.com`);
    expect(idsOf(p)).toEqual([`CRMID:${crm}`, `Email:${crm}@example.com`]);
  }
}
