import { type Command, type OptionsOf } from './options.js';
import type { Env } from './process.js';
export declare function isCommand(value: string | undefined): value is Command;
/** argv after the command: `--name value`, `--flag`, repeatable lists. Unknown options are usage errors. */
export declare function optionsFromArgv<C extends Command>(command: C, args: string[], env: Env): OptionsOf<C>;
/**
 * The Action's inputs as GitHub's runner passes them: INPUT_<NAME> for each input
 * in action.yml, empty when not given. Read from the injected env, as @actions/core
 * would read process.env: trimmed; lists one per line; booleans YAML 1.2.
 */
export declare function optionsFromInputs<C extends Command>(command: C, env: Env): OptionsOf<C>;
/** The command the Action runs: its `command` input (default release). */
export declare function commandFromInputs(env: Env): Command;
/** A library call's options object (by field name); unknown fields are usage errors, so a typo does not pass silently. */
export declare function optionsFromObject<C extends Command>(command: C, given: object, env: Env): OptionsOf<C>;
