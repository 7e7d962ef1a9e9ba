import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout, one line per entry (pino). */
export const createLogger = (level: string): Logger =>
  pino({ level, base: { service: 'tessera' } });
