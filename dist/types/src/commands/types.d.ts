/**
 * What every verb runs with, injected by its home (CLI, Action, library). A leaf
 * module: it imports types only, so nothing that needs a runtime pulls in the verbs.
 */
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import type { Provider } from '../providers/types.js';
import type { BackoffOptions } from '../publish/retry.js';
export interface VerbRuntime {
    env?: Env;
    cwd?: string;
    log?: Logger;
    provider?: Provider;
    backoff?: BackoffOptions;
}
