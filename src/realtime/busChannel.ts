import type { Topic } from './EventBus';

/**
 * The one name a sandbox's topic goes by, in this process and on Redis. Topics contain no
 * colon, so the name is unambiguous whatever the sandbox is called.
 */
export const busChannel = (sandbox: string, topic: Topic): string => `tessera:${sandbox}:${topic}`;
