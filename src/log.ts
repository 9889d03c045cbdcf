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
}

export class Logger {
  readonly redactor: Redactor;
  private readonly stream: Writable;
  private readonly style: LogStyle;
  private readonly quiet: boolean;
  readonly warnings: string[] = [];

  constructor(options: LoggerOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.style = options.style ?? plainStyle;
    this.redactor = options.redactor ?? new Redactor();
    this.quiet = options.quiet ?? false;
  }

  info(message: string): void {
    if (!this.quiet) this.emit(message);
  }

  warn(message: string, file?: string): void {
    this.warnings.push(this.redactor.redact(message));
    this.emit(this.style.warning(message, file));
  }

  error(message: string, file?: string): void {
    this.emit(this.style.error(message, file));
  }

  /** Runs `body` inside a folded group; the group is closed even when `body` throws. */
  async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    if (!this.quiet) this.emit(this.style.startGroup(title));
    try {
      return await body();
    } finally {
      const end = this.style.endGroup(title);
      if (!this.quiet && end) this.emit(end);
    }
  }

  private emit(text: string): void {
    this.stream.write(this.redactor.redact(text) + '\n');
  }
}

/** A logger that prints nothing, for library callers that do not want output. */
export function silentLogger(redactor = new Redactor()): Logger {
  return new Logger({ stream: { write: () => true }, redactor, quiet: true });
}
