import type { GraphQLClient } from './graphqlClient';
import { formatMegabytes, readRss } from './readPeakRss';
import type { StageResult } from './StageResult';
import { rate, secondsSince, sleep } from './timing';

interface Job {
  id: string;
  status: string;
  profilesExported: number;
  downloadPath: string | null;
  error: string | null;
}

const JOB = 'id status profilesExported downloadPath error';
const POLL_INTERVAL_MS = 100;

/**
 * SEMANTICS §7: every profile of the `prod` sandbox exported to NDJSON in the background,
 * timed from createExportJob to SUCCESS seen (within one poll). The server's resident memory
 * is sampled while it runs; the file is then downloaded and its lines counted, so the figure
 * is for a complete, served file.
 */
export async function exportStage(
  client: GraphQLClient,
  baseUrl: string,
  serverPid: number,
): Promise<StageResult> {
  const started = process.hrtime.bigint();
  const { createExportJob } = await client.request<{ createExportJob: Job }>(
    `mutation { createExportJob(input: { format: NDJSON }) { ${JOB} } }`,
  );
  let job = createExportJob;
  let rssMax = 0;
  while (job.status === 'NEW' || job.status === 'IN_PROGRESS') {
    await sleep(POLL_INTERVAL_MS);
    rssMax = Math.max(rssMax, readRss(serverPid) ?? 0);
    const read = await client.request<{ exportJob: Job }>(
      `query { exportJob(id: ${JSON.stringify(job.id)}) { ${JOB} } }`,
    );
    job = read.exportJob;
  }
  const seconds = secondsSince(started);
  const file = job.downloadPath === null ? null : await countLines(`${baseUrl}${job.downloadPath}`);
  const notes = [`server RSS during export ≤ ${formatMegabytes(rssMax)}`];
  if (file !== null) notes.push(`file ${file.lines} lines, ${formatMegabytes(file.bytes)}`);
  if (job.error !== null) notes.push(`error: ${job.error}`);
  return {
    stage: 'export (NDJSON)',
    status: job.status === 'SUCCESS' && file?.lines === job.profilesExported ? 'ok' : 'failed',
    records: job.profilesExported,
    seconds,
    recordsPerSecond: rate(job.profilesExported, seconds),
    notes,
    details: { rssDuringExportBytes: rssMax, fileBytes: file?.bytes ?? null },
  };
}

/** Streams the download, counting its bytes and lines without holding it. */
async function countLines(url: string): Promise<{ lines: number; bytes: number }> {
  const res = await fetch(url);
  if (!res.ok || res.body === null) throw new Error(`GET ${url}: HTTP ${res.status}`);
  const reader = res.body.getReader();
  let lines = 0;
  let bytes = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    bytes += read.value.length;
    for (const byte of read.value) if (byte === 10) lines++;
  }
  return { lines, bytes };
}
