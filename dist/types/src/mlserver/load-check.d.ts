import type { Logger } from '../log.js';
import { type Env } from '../process.js';
export declare const CHECK_LOAD_CHOICES: readonly ['auto', 'always', 'never'];
export type CheckLoadChoice = (typeof CHECK_LOAD_CHOICES)[number];
export declare const DEFAULT_CHECK_LOAD_TIMEOUT_S = 300;
export interface LoadCheckInput {
    python: string;
    /** model-settings.json inside the staged version folder. */
    settingsPath: string;
    requestPath?: string;
    timeoutMs: number;
    env: Env;
    log: Logger;
}
export declare function checkLoad(input: LoadCheckInput): Promise<{
    seconds: number;
    outputs?: string[];
}>;
