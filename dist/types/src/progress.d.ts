/**
 * How far a long transfer is: bytes done, of how many, throughput and time left.
 * On a terminal one line updates in place; in CI logs (no terminal) a line is
 * printed every 10 s, so a 5 GiB upload is never a silent wait. Short transfers
 * print nothing but their last line, and only when they took a while.
 */
import type { Logger } from './log.js';
export declare function formatBytes(bytes: number): string;
export interface ProgressOptions {
    /** Between two lines when not on a terminal (default 10 s). */
    everyMs?: number;
    /** Between two redraws on a terminal (default 0.25 s). */
    redrawMs?: number;
    /** The final line is printed only after this long (default 2 s). */
    quietUnderMs?: number;
    clock?: () => number;
}
export declare class TransferProgress {
    private readonly log;
    /** What moves, as the start of each line: "download models/iris-v1/model.bin". */
    private readonly what;
    /** Total bytes when known. */
    private readonly total?;
    private done;
    private readonly started;
    private last;
    private readonly everyMs;
    private readonly quietUnderMs;
    private readonly clock;
    constructor(log: Logger, 
    /** What moves, as the start of each line: "download models/iris-v1/model.bin". */
    what: string, 
    /** Total bytes when known. */
    total?: number | undefined, options?: ProgressOptions);
    add(bytes: number): void;
    /** The last line: how much moved, how fast. */
    finish(): void;
    line(now?: number): string;
}
