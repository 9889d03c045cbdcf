import type { Env } from '../process.js';
import type { Provider } from './types.js';
export declare const PROVIDERS: Provider[];
/** The first provider that recognises the environment; `local` recognises any. */
export declare function detectProvider(env: Env): Provider;
export type { Provider, ReleaseContext } from './types.js';
