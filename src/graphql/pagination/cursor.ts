import { badInput } from '../../domain/AppError';

/** Opaque cursors: clients pass them back, never build them. */
export const encodeCursor = (position: number): string =>
  Buffer.from(`p:${position}`).toString('base64url');

export function decodeCursor(cursor: string | null | undefined, field: string): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^p:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (match?.[1] === undefined) throw badInput(field, 'is not a cursor this server gave out');
  return Number(match[1]);
}

/** `first` within 1..max, naming the argument when it is not. */
export function pageSize(first: number, max: number, field: string): number {
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw badInput(field, `must be from 1 to ${max}`);
  return first;
}
