export type Env = Record<string, string | undefined>;
export interface RunOptions {
    cwd: string;
    env: Env;
    input?: string | Buffer;
    onStdoutLine?: (line: string) => void;
    onStderrLine?: (line: string) => void;
}
export interface RunResult {
    exitCode: number;
    stdout: string;
    stderr: string;
}
/** Finds `program` on the PATH of `env`, or returns undefined. */
export declare function which(program: string, env: Env): string | undefined;
/** Runs a program to completion; a non-zero exit is returned, not thrown. */
export declare function run(program: string, args: string[], options: RunOptions): Promise<RunResult>;
export interface GroupRunOptions {
    cwd: string;
    env: Env;
    /** Ends the whole process group after this long; the result then has timedOut set. */
    timeoutMs?: number;
    onStdoutLine?: (line: string) => void;
    onStderrLine?: (line: string) => void;
}
export interface GroupRunResult extends RunResult {
    timedOut: boolean;
}
/** Process groups still running, so an interrupted release can stop them all (see interrupts.ts). */
export declare const runningGroups: Set<number>;
export declare function killGroup(pid: number, signal?: NodeJS.Signals): void;
/**
 * Runs a program in a process group of its own (a notebook kernel, a Python
 * check), so a timeout or an interrupt stops it and every child it started.
 */
export declare function runInGroup(program: string, args: string[], options: GroupRunOptions): Promise<GroupRunResult>;
