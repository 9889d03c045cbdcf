import { Logger } from './log.js';
import { type ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
import type { ComparisonRow } from './metrics/gate.js';
import type { BackoffOptions } from './publish/retry.js';
import type { Provider } from './providers/types.js';
export type ReleaseStatus = 'pushed' | 'already-published' | 'already-promoted' | 'dry-run';
export interface ReleaseResult {
    model: string;
    version: string;
    /** The version folder inside the model repository, e.g. models/iris-v1.0.0. */
    folder: string;
    /** The model repository, without credentials. */
    repo: string;
    branch?: string;
    /** The commit that holds the release (the existing one when already published). */
    commit?: string;
    status: ReleaseStatus;
    pushed: boolean;
    alreadyPublished: boolean;
    executedNotebook?: string;
    /** The V2 inference path, e.g. /v2/models/iris/versions/v1.0.0/infer. */
    endpoint: string;
    artifact?: {
        path: string;
        bytes: number;
        sha256: string;
    };
    files: string[];
    warnings: string[];
    /** The pull/merge request, in review mode. */
    reviewUrl?: string;
    /** True when --verify-url checked the served version. */
    verified?: boolean;
    /** MLServer's answer to the sample request, when verified. */
    verifyResponse?: unknown;
    /** What the notebook reported (flat), and what it is compared with. */
    metrics?: Record<string, number | string | boolean>;
    baseline?: {
        version: string;
        metrics: Record<string, number | string | boolean>;
    };
    comparison?: ComparisonRow[];
    /** Figures kept in the version folder (report/...). */
    figures?: string[];
    /** For object storage: where KServe's or Seldon's storage initializer reads the version from. */
    storageUri?: string;
    /** With --rollout: what changed in the manifests repository. */
    rollout?: {
        platform: string;
        file: string;
        summary: string;
        commit?: string;
        changed: boolean;
    };
}
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
