import express, { Router } from 'express';
import { basename, dirname, resolve } from 'node:path';
import { AppError, notFound } from '../domain/AppError';
import { type RecordError, recordError } from '../domain/records/RecordError';
import type { ContextFactory } from './ContextFactory';

const NDJSON_TYPES = [
  'application/x-ndjson',
  'application/jsonl',
  'application/json-lines',
  'text/plain',
];

/** The routes GraphQL is bad at: raw file uploads, NDJSON streaming collection, downloads. */
export function restRoutes(contexts: ContextFactory): Router {
  const router = Router();

  // SEMANTICS §2: the raw file body is streamed to disk, whatever its size.
  router.put('/batches/:id/files/:name', async (req, res) => {
    const ctx = await contexts.forHeaders(req.headers);
    const file = await ctx.services.batches.upload(req.params.id, req.params.name, req);
    res.status(201).json(file);
  });

  // Streaming over HTTP: one record per line, the same per-record answer as `ingest`.
  router.post(
    '/collection/:datasetId',
    (req, _res, next) => {
      if (!req.is(NDJSON_TYPES)) {
        throw new AppError(
          'BAD_USER_INPUT',
          `send records as NDJSON (Content-Type ${NDJSON_TYPES.slice(0, 2).join(' or ')}), one JSON object per line; got ${req.get('content-type') ?? 'no content type'}`,
          'content-type',
        );
      }
      next();
    },
    express.text({ type: NDJSON_TYPES, limit: '64mb' }),
    async (req, res) => {
      const ctx = await contexts.forHeaders(req.headers);
      const { records, unreadable } = parseNdjson(typeof req.body === 'string' ? req.body : '');
      const result = await ctx.services.ingestion.ingest({
        datasetId: req.params.datasetId,
        operation: 'CREATE',
        records,
        unreadable,
      });
      res.json(result);
    },
  );
  // SEMANTICS §7: a finished export's file, to the sandbox that made it only.
  router.get('/exports/:id/file', async (req, res, next) => {
    const ctx = await contexts.forHeaders(req.headers);
    const file = await ctx.services.exports.download(req.params.id);
    res.attachment(file.fileName).type(file.contentType);
    // Rooted at the file's folder, with dot folders allowed: the data directory may sit under
    // one (~/.tessera), which send's defaults would answer 404 for.
    const options = { root: dirname(resolve(file.path)), dotfiles: 'allow' as const };
    res.sendFile(basename(file.path), options, (error?: Error) => {
      if (error === undefined || res.headersSent) return;
      const gone = (error as { code?: string }).code === 'ENOENT';
      next(gone ? notFound('id', `the file of export job "${req.params.id}" is gone`) : error);
    });
  });
  return router;
}

/** Non-blank lines in order; a line that is not JSON becomes a MALFORMED result in its place. */
function parseNdjson(body: string): { records: unknown[]; unreadable: Map<number, RecordError> } {
  const records: unknown[] = [];
  const unreadable = new Map<number, RecordError>();
  body.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as unknown);
    } catch (error) {
      unreadable.set(
        records.length,
        recordError('MALFORMED', `line ${i + 1} is not valid JSON: ${(error as Error).message}`),
      );
      records.push(null);
    }
  });
  return { records, unreadable };
}
