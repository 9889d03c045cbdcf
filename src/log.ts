/**
 * Logging. Every line goes through the redactor, so nothing the tool prints can
 * carry a secret, and every piece of text goes through the CI escaper
 * (providers/ci-text.ts) before a style formats it, so no message, title or file
 * name can become a GitHub workflow command or a GitLab section marker: only the
 * style's own lines are commands. How groups and warnings look depends on where
 * we run (plain lines locally, folded groups on CI); providers supply a LogStyle.
 */
import { logText, oneLine } from './providers/ci-text.js';
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

export const plainStyle: LogStyle = {
  startGroup: (title) => `== ${title}`,
  endGroup: () => '',
  warning: (message) => `warning: ${message}`,
  error: (message) => `error: ${message}`,
};

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

export class Logger {
  readonly redactor: Redactor;
  private readonly stream: Writable;
  private readonly style: LogStyle;
  private readonly quiet: boolean;
  readonly live: boolean;
  /** A progress line is on screen without its newline. */
  private liveLine = false;
  readonly warnings: string[] = [];

  constructor(options: LoggerOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.style = options.style ?? plainStyle;
    this.redactor = options.redactor ?? new Redactor();
    this.quiet = options.quiet ?? false;
    this.live = options.live ?? false;
  }

  /** A progress line: on a terminal it replaces the previous one; elsewhere it is an info line. */
  progress(message: string): void {
    if (this.quiet) return;
    if (!this.live) return this.info(message);
    this.stream.write(`\r${this.redactor.redact(this.escape(oneLine(message)))}\x1b[K`);
    this.liveLine = true;
  }

  info(message: string): void {
    if (!this.quiet) this.emit(this.escape(message));
  }

  warn(message: string, at?: string | Annotation): void {
    const safe = this.redactor.redact(message);
    this.warnings.push(safe);
    this.emit(this.style.warning(logText(safe), this.where(at)));
  }

  error(message: string, at?: string | Annotation): void {
    this.emit(this.style.error(logText(this.redactor.redact(message)), this.where(at)));
  }

  /** Runs `body` inside a folded group; the group is closed even when `body` throws. */
  async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    const safe = oneLine(this.redactor.redact(title));
    if (!this.quiet) this.emit(this.style.startGroup(safe));
    try {
      return await body();
    } finally {
      const end = this.style.endGroup(safe);
      if (!this.quiet && end) this.emit(end);
    }
  }

  /**
   * Text as it may be printed where we run: redacted, and escaped so that no line
   * of it is a CI command (see providers/ci-text.ts). For anything printed
   * outside the logger, such as a summary on stdout.
   */
  escape(text: string): string {
    return logText(this.redactor.redact(text));
  }

  private where(at: string | Annotation | undefined): Annotation | undefined {
    const place = annotation(at);
    return place?.file === undefined ? place : { ...place, file: oneLine(this.redactor.redact(place.file)) };
  }

  private emit(text: string): void {
    if (text === '') return;
    if (this.liveLine) {
      // The progress line stays as it last read; what follows starts below it.
      this.stream.write('\n');
      this.liveLine = false;
    }
    this.stream.write(this.redactor.redact(text) + '\n');
  }
}

function annotation(at: string | Annotation | undefined): Annotation | undefined {
  return typeof at === 'string' ? { file: at } : at;
}

/** A logger that prints nothing, for library callers that do not want output. */
export function silentLogger(redactor = new Redactor()): Logger {
  return new Logger({ stream: { write: () => true }, redactor, quiet: true });
}
