import type { IdentitySettings } from '../../../domain/identity/IdentitySettings';
import type { Statement } from './Statement';

/** The sandbox's settings node, if any; `settings` is the JSON the SQL adapter stores too. */
export const readIdentitySettings = (sandbox: string): Statement => ({
  cypher: `MATCH (s:IdentitySettings {sandbox: $sandbox})
RETURN s.settings AS settings`,
  params: { sandbox },
});

/** Creates or replaces the sandbox's settings node (one per sandbox, by constraint). */
export const writeIdentitySettings = (
  sandbox: string,
  settings: IdentitySettings,
  at: Date,
): Statement => ({
  cypher: `MERGE (s:IdentitySettings {sandbox: $sandbox})
SET s.settings = $settings, s.updatedAt = $updatedAt`,
  params: { sandbox, settings: JSON.stringify(settings), updatedAt: at.getTime() },
});
