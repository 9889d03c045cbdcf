/**
 * From options to a plan: every input is resolved and checked here, before
 * anything runs, so bad input fails fast (exit 2) and nothing is half done.
 */
import { type SigningPlan } from '../signing/sign.js';
import { type Identity } from '../git.js';
import { type Repository } from '../stores/repository.js';
import type { Logger } from '../log.js';
import { type Parameter } from '../notebook/inject.js';
import type { Env } from '../process.js';
import { type Credentials } from '../stores/credentials.js';
import { type Layout } from '../publish/layout.js';
import type { ReportPlan } from '../metrics/report.js';
import type { ReleaseContext } from '../providers/types.js';
import { type CheckLoadChoice } from '../mlserver/load-check.js';
import type { MlserverLine } from '../settings/mlserver-schema.js';
import type { ModelSettings } from '../settings/render.js';
import { type RuntimeFile } from '../settings/runtime-files.js';
export declare const RUNNER_CHOICES: readonly ['auto', 'papermill', 'nbconvert', 'none'];
export type RunnerChoice = (typeof RUNNER_CHOICES)[number];
/** Everything a release can be told. Unset fields fall back to env and then to defaults. */
export interface ReleaseOptions {
    /** Write model.sig (the OpenSSF model-signing format), signed with `signingKey`. */
    sign?: boolean;
    /** An EC private key in PEM (a file); its content is a secret. Without one, --sign is keyless. */
    signingKey?: string;
    fulcioUrl?: string;
    rekorUrl?: string;
    modelDir?: string;
    settings?: string;
    notebook?: string;
    version?: string;
    repo?: string;
    token?: string;
    branch?: string;
    modelsPath?: string;
    runner?: RunnerChoice | string;
    /** `key=value` strings, or an object. */
    params?: string[] | Record<string, string>;
    outputNotebook?: string;
    timeout?: number;
    gitUserName?: string;
    gitUserEmail?: string;
    dryRun?: boolean;
    force?: boolean;
    skipPreflight?: boolean;
    /** `git` (default) or `folder`: a plain MLServer model folder, written atomically. */
    target?: 'git' | 'folder' | string;
    /** MLServer to ask to load the new version (folder target), e.g. http://mlserver:8080. */
    reloadUrl?: string;
    /** MLServer to check after publishing: ready, then the sample request. */
    verifyUrl?: string;
    verifyTimeout?: number;
    verifyInterval?: number;
    /** Extra headers for MLServer requests, `Name: value`; values are treated as secrets. */
    verifyHeaders?: string[];
    /** V2 request to send (default: inference-request.json beside the notebook). */
    request?: string;
    /** Expected outputs to compare with. */
    expect?: string;
    /** How the commit is made: `git` (default) or `api` (the host's REST API, no clone). */
    via?: 'git' | 'api' | string;
    /** Land on release/<name>-<version> and open a pull/merge request instead of committing to the branch. */
    review?: boolean;
    /** For self-hosted instances: github or gitlab. */
    hostType?: 'github' | 'gitlab' | string;
    /** REST API base, e.g. https://ghe.example.com/api/v3 or https://gitlab.example.com. */
    apiUrl?: string;
    /** GitLab token kind: private (access tokens), oauth, or job (CI_JOB_TOKEN). */
    tokenType?: 'private' | 'oauth' | 'job' | string;
    /** The MLServer line to validate for: 1.3 to 1.7 (default: the importable mlserver's, else 1.7). */
    mlserverVersion?: string;
    /** Load the staged version with MLServer's own code before publishing (default auto: when mlserver is importable). */
    checkLoad?: CheckLoadChoice | string;
    checkLoadTimeout?: number;
    /** Seconds each network step may take, retries included (default 120). */
    networkTimeout?: number;
    /** name-version (models/<name>-<version>, default) or name/version (models/<name>/<version>). */
    layout?: Layout | string;
    /** A JSON file of metrics the notebook writes, relative to the model dir. */
    metrics?: string;
    /** Which figures to keep: those of cells tagged `report` (default), or of all cells. */
    reportFigures?: 'report' | 'all' | string;
    /** Quality gate: `accuracy>=0.9`, repeatable. */
    require?: string[];
    /** Quality gate: `accuracy[:tolerance]`, not below the baseline. */
    noRegression?: string[];
    /** Compare with this version instead of the default or newest one. */
    baseline?: string;
    /** Object storage endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS). */
    s3Endpoint?: string;
    /** Path-style addressing, for MinIO, Ceph and some R2 set-ups. */
    s3PathStyle?: boolean;
    /** After publishing to object storage, roll the version out on this platform (kserve or seldon). */
    rollout?: string;
    manifestsRepo?: string;
    manifestsToken?: string;
    manifestsPath?: string;
    namespace?: string;
    /** With --rollout: the percent of traffic for the new version. */
    canary?: number | string;
}
export interface ReleasePlan {
    /** --sign: the key model.sig is made with. */
    signing?: SigningPlan;
    modelDir: string;
    settingsPath: string;
    settings: ModelSettings;
    name: string;
    version: string;
    folder: string;
    endpoint: string;
    runner: RunnerChoice;
    notebookPath?: string;
    outputNotebook?: string;
    parameters: Parameter[];
    timeoutSeconds?: number;
    repo: Repository;
    credentials?: Credentials;
    branch?: string;
    modelsPath: string;
    author: Identity;
    message: string;
    dryRun: boolean;
    force: boolean;
    skipPreflight: boolean;
    context: ReleaseContext;
    warnings: string[];
    reloadUrl?: string;
    verify?: VerifyPlan;
    via: 'git' | 'api';
    review?: {
        branch: string;
        title: string;
    };
    apiUrl?: string;
    tokenType?: 'private' | 'oauth' | 'job';
    mlserverLine: MlserverLine;
    /** The notebook's Python (its kernel's interpreter), when Jupyter knows one. */
    python?: string;
    /** The environment for the notebook and the Python checks: without the tool's credentials. */
    trainingEnv: Env;
    /** Files beside the settings that the model needs to load (a custom runtime). */
    runtimeFiles: RuntimeFile[];
    loadCheck?: {
        python: string;
        requestPath?: string;
        timeoutMs: number;
    };
    networkTimeoutMs: number;
    layout: Layout;
    report: ReportPlan;
    s3Endpoint?: string;
    s3PathStyle?: boolean;
    rollout?: {
        platform: string;
        manifestsRepo?: string;
        manifestsToken?: string;
        manifestsPath?: string;
        namespace?: string;
        canary?: number;
    };
}
export interface VerifyPlan {
    url: string;
    timeoutMs: number;
    intervalMs: number;
    headers: Record<string, string>;
    request: unknown;
    expected?: unknown;
}
export interface PlanInput {
    options: ReleaseOptions;
    context: ReleaseContext;
    env: Env;
    cwd: string;
    log: Logger;
}
export declare function planRelease({ options, context, env, cwd, log }: PlanInput): Promise<ReleasePlan>;
/** `Name: value` headers for MLServer; the values are secrets (tokens, API keys). */
export declare function parseHeaders(lines: string[] | undefined, log: Logger): Record<string, string>;
export declare function planVerify(options: Pick<ReleaseOptions, 'verifyTimeout' | 'verifyInterval' | 'request' | 'expect'>, url: string, headers: Record<string, string>, requestDir: string, cwd: string): Promise<VerifyPlan>;
