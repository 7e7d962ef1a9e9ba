import { badInput } from '../../domain/AppError';

/** Opaque cursors over an audience's members: the member's profile key. */
export const encodeMemberCursor = (profileKey: string): string =>
  Buffer.from(`m:${profileKey}`).toString('base64url');

export function decodeMemberCursor(
  cursor: string | null | undefined,
  field: string,
): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith('m:')) throw badInput(field, 'is not a cursor this server gave out');
  return text.slice(2);
}
