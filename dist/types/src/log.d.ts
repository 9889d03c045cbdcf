import { Redactor } from './redact.js';
/** Where a problem is: the user's file, and the line and column when known (1-based). */
export interface Annotation {
    file?: string;
    line?: number;
    column?: number;
}
/**
 * How lines look where we run. Each function gets text that is already redacted
 * and escaped (titles and file names on one line) and returns the line to write,
 * or '' when it wrote through the host's own library (GitHub's @actions/core).
 */
export interface LogStyle {
    startGroup(title: string): string;
    endGroup(title: string): string;
    /** `at` points an annotation at the file (and line) the problem is in, where the host supports it. */
    warning(message: string, at?: Annotation): string;
    error(message: string, at?: Annotation): string;
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
    /** A terminal: progress updates one line in place (see progress.ts); elsewhere it is printed as lines. */
    live?: boolean;
}
export declare class Logger {
    readonly redactor: Redactor;
    private readonly stream;
    private readonly style;
    private readonly quiet;
    readonly live: boolean;
    /** A progress line is on screen without its newline. */
    private liveLine;
    readonly warnings: string[];
    constructor(options?: LoggerOptions);
    /** A progress line: on a terminal it replaces the previous one; elsewhere it is an info line. */
    progress(message: string): void;
    info(message: string): void;
    warn(message: string, at?: string | Annotation): void;
    error(message: string, at?: string | Annotation): void;
    /** Runs `body` inside a folded group; the group is closed even when `body` throws. */
    group<T>(title: string, body: () => Promise<T>): Promise<T>;
    /**
     * Text as it may be printed where we run: redacted, and escaped so that no line
     * of it is a CI command (see providers/ci-text.ts). For anything printed
     * outside the logger, such as a summary on stdout.
     */
    escape(text: string): string;
    private where;
    private emit;
}
/** A logger that prints nothing, for library callers that do not want output. */
export declare function silentLogger(redactor?: Redactor): Logger;
