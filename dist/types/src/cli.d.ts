import { type Writable } from './log.js';
import { type Command, type OptionsOf } from './options.js';
import type { Env } from './process.js';
import type { ListResult, ReleaseResult } from './results.js';
export { HELP } from './help.js';
export { envName, OPTIONS } from './options.js';
export interface CliIO {
    argv: string[];
    env: Env;
    cwd: string;
    stdout: Writable;
    stderr: Writable & {
        isTTY?: boolean;
    };
}
type Parsed<C extends Command = Command> = {
    kind: 'info';
    command: 'help' | 'version';
    text: string;
} | {
    kind: 'run';
    command: C;
    options: OptionsOf<C>;
};
export declare function parseCli(argv: string[], env: Env): Parsed;
export declare function formatSummary(result: ReleaseResult): string;
export declare function formatList(result: ListResult, metricColumns?: string[]): string;
/** Runs the CLI and returns the exit code; never throws. */
export declare function runCli(io: CliIO): Promise<number>;
