import { Logger } from '../log.js';
import { type ReleaseOptions } from './release-plan.js';
import type { Env } from '../process.js';
import type { BackoffOptions } from '../publish/retry.js';
import type { Provider } from '../providers/types.js';
import type { ReleaseResult } from '../results.js';
export type { ReleaseResult, ReleaseStatus } from '../results.js';
/** Where a release runs: injected so tests and embedders never depend on process globals. */
export interface ReleaseRuntime {
    env?: Env;
    cwd?: string;
    log?: Logger;
    provider?: Provider;
    backoff?: BackoffOptions;
}
/** Runs the notebook, versions model-settings.json and publishes the model. */
export declare function release(options?: ReleaseOptions, runtime?: ReleaseRuntime): Promise<ReleaseResult>;
