import { Router } from 'express';
import type { Store } from '../storage/ports';

/** `/healthz`: the process answers. `/readyz`: the store answers and the server is not stopping. */
export function healthRoutes(store: Store, isStopping: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isStopping()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    try {
      await store.ping();
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', error: (error as Error).message });
    }
  });
  return router;
}
