import { type PromoteOptions } from './promote.js';
import { type Writable } from './log.js';
import type { ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
/** Every input in action.yml and the option it sets; a test keeps the two in step. */
export declare const ACTION_INPUTS: Record<string, () => Partial<ReleaseOptions>>;
/** Inputs of the promote and default commands, besides the release inputs they share. */
export declare const COMMAND_INPUTS: string[];
export declare function readPromoteInputs(): PromoteOptions;
export declare function readActionInputs(): ReleaseOptions;
/** True when GitHub's runner started us as a `uses:` step (it sets INPUT_* variables). */
export declare function isActionRun(env: Env): boolean;
export interface ActionIO {
    env: Env;
    cwd: string;
    stderr: Writable;
}
/** Runs the Action; returns the documented exit code. */
export declare function runAction(io: ActionIO): Promise<number>;
/**
 * The Action's logic in GitHub's template shape, `run()` reading the step's
 * environment, so GitHub's local runner emulation (@github/local-action) can run
 * it from source. A failure fails the step through @actions/core.
 */
export declare function run(): Promise<void>;
