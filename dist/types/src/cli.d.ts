import { type Writable } from './log.js';
import type { ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
import { type ReleaseResult } from './release.js';
interface OptionSpec {
    type: 'string' | 'boolean';
    multiple?: boolean;
    value?: string;
    help: string;
}
/** Every option of `release`; each can also come from env MLSERVER_RELEASE_<UPPER_SNAKE>. */
export declare const OPTIONS: Record<string, OptionSpec>;
export declare const HELP: string;
export interface CliIO {
    argv: string[];
    env: Env;
    cwd: string;
    stdout: Writable;
    stderr: Writable & {
        isTTY?: boolean;
    };
}
type Parsed = {
    command: 'help' | 'version';
} | {
    command: 'release';
    options: ReleaseOptions;
    json: boolean;
    dotenv?: string;
};
export declare function envName(option: string): string;
export declare function parseCli(argv: string[], env: Env): Parsed;
export declare function formatSummary(result: ReleaseResult): string;
/** Runs the CLI and returns the exit code; never throws. */
export declare function runCli(io: CliIO): Promise<number>;
export {};
