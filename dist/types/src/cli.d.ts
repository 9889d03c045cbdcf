import { type ListResult } from './housekeeping.js';
import { type Writable } from './log.js';
import type { ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
import { type PromoteOptions } from './promote.js';
import { type ReleaseResult } from './release.js';
type Command = 'release' | 'publish' | 'promote' | 'default' | 'rollout' | 'verify' | 'list' | 'prune';
interface OptionSpec {
    type: 'string' | 'boolean';
    multiple?: boolean;
    value?: string;
    help: string;
    /** The commands that take this option. */
    for: Command[];
}
/** Every option; each can also come from env MLSERVER_RELEASE_<UPPER_SNAKE>. */
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
type Values = Record<string, string | string[] | boolean | undefined>;
type Parsed = {
    kind: 'info';
    command: 'help' | 'version';
} | {
    kind: 'run';
    command: Command;
    read: OptionReader;
    json: boolean;
};
export declare function envName(option: string): string;
/** Reads options of one command: the flag first, then MLSERVER_RELEASE_<OPTION>. */
export declare class OptionReader {
    private readonly values;
    private readonly env;
    constructor(values: Values, env: Env);
    text(name: string): string | undefined;
    list(name: string): string[] | undefined;
    flag(name: string): boolean | undefined;
    seconds(name: string): number | undefined;
}
export declare function parseCli(argv: string[], env: Env): Parsed;
export declare function releaseOptions(command: 'release' | 'publish', read: OptionReader): ReleaseOptions;
export declare function promoteOptions(read: OptionReader): PromoteOptions;
export declare function formatSummary(result: ReleaseResult): string;
export declare function formatList(result: ListResult, metricColumns?: string[]): string;
/** Runs the CLI and returns the exit code; never throws. */
export declare function runCli(io: CliIO): Promise<number>;
export {};
