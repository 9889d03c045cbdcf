/**
 * Logging. Every line goes through the redactor, so nothing the tool prints can
 * carry a secret. How groups and warnings look depends on where we run (plain
 * lines locally, folded groups on CI); providers supply a LogStyle for that.
 */
import { Redactor } from './redact.js';
export interface LogStyle {
    startGroup(title: string): string;
    endGroup(title: string): string;
    /** `file` points an annotation at the file the problem is in, where the host supports it. */
    warning(message: string, file?: string): string;
    error(message: string, file?: string): string;
}
export declare const plainStyle: LogStyle;
export interface Writable {
    write(chunk: string): unknown;
}
export interface LoggerOptions {
    /** Where progress goes; stderr by default so stdout stays free for --json. */
    stream?: Writable;
    style?: LogStyle;
    redactor?: Redactor;
    quiet?: boolean;
}
export declare class Logger {
    readonly redactor: Redactor;
    private readonly stream;
    private readonly style;
    private readonly quiet;
    readonly warnings: string[];
    constructor(options?: LoggerOptions);
    info(message: string): void;
    warn(message: string, file?: string): void;
    error(message: string, file?: string): void;
    /** Runs `body` inside a folded group; the group is closed even when `body` throws. */
    group<T>(title: string, body: () => Promise<T>): Promise<T>;
    private emit;
}
/** A logger that prints nothing, for library callers that do not want output. */
export declare function silentLogger(redactor?: Redactor): Logger;
