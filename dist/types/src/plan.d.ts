import { type Identity } from './git.js';
import type { Logger } from './log.js';
import { type Parameter } from './notebook/inject.js';
import type { Env } from './process.js';
import { type Credentials, type HostKind } from './publish/credentials.js';
import type { ReleaseContext } from './providers/types.js';
import { type ModelSettings } from './settings.js';
export declare const RUNNER_CHOICES: readonly ['auto', 'papermill', 'nbconvert', 'none'];
export type RunnerChoice = (typeof RUNNER_CHOICES)[number];
/** Everything a release can be told. Unset fields fall back to env and then to defaults. */
export interface ReleaseOptions {
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
}
export interface ReleasePlan {
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
    repo: {
        url: string;
        isHttp: boolean;
        hostKind: HostKind;
    };
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
}
export interface PlanInput {
    options: ReleaseOptions;
    context: ReleaseContext;
    env: Env;
    cwd: string;
    log: Logger;
}
export declare function planRelease({ options, context, env, cwd, log }: PlanInput): Promise<ReleasePlan>;
