import { type Writable } from './log.js';
import { type OptionsOf } from './options.js';
import type { Env } from './process.js';
/** Every input the Action reads: `command`, then each option's input, once. */
export declare function actionInputs(): string[];
/** The release options as the runner passes them in env (INPUT_*); the command is the `command` input's. */
export declare function readActionInputs(env?: Env): OptionsOf<'release'>;
/**
 * True when GitHub's runner started us as a `uses:` step: `node dist/index.js`
 * with no arguments, and the `command` input set (the runner passes every input
 * of action.yml, and `command` has a default). Arguments mean the command line,
 * even inside a step whose own action left INPUT_* variables in the environment.
 */
export declare function isActionRun(env: Env, args?: string[]): boolean;
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
