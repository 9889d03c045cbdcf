import type { Env } from '../process.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { local } from './local.js';
import type { Provider } from './types.js';

export const PROVIDERS: Provider[] = [github, gitlab, local];

/** The first provider that recognises the environment; `local` recognises any. */
export function detectProvider(env: Env): Provider {
  return PROVIDERS.find((provider) => provider.detect({ env })) ?? local;
}

export type { Provider, ReleaseContext } from './types.js';
