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
