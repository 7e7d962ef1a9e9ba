import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:http';

export interface UploadAnswer {
  status: number;
  body: string;
}

/**
 * PUTs a file to `url`, streamed from disk (never held in memory), with its length declared up
 * front. Resolves with the server's answer whatever its status; rejects on network errors or
 * when the whole exchange takes longer than `timeoutMs`.
 */
export async function uploadFile(
  url: URL,
  filePath: string,
  contentType: string,
  timeoutMs: number,
): Promise<UploadAnswer> {
  const { size } = await stat(filePath);
  return new Promise<UploadAnswer>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'PUT',
        headers: { 'content-type': contentType, 'content-length': size },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const file = createReadStream(filePath);
    file.on('error', (error) => req.destroy(error));
    file.pipe(req);
  });
}
