/**
 * How far a long transfer is: bytes done, of how many, throughput and time left.
 * On a terminal one line updates in place; in CI logs (no terminal) a line is
 * printed every 10 s, so a 5 GiB upload is never a silent wait. Short transfers
 * print nothing but their last line, and only when they took a while.
 */
import type { Logger } from './log.js';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export interface ProgressOptions {
  /** Between two lines when not on a terminal (default 10 s). */
  everyMs?: number;
  /** Between two redraws on a terminal (default 0.25 s). */
  redrawMs?: number;
  /** The final line is printed only after this long (default 2 s). */
  quietUnderMs?: number;
  clock?: () => number;
}

export class TransferProgress {
  private done = 0;
  private readonly started: number;
  private last: number;
  private readonly everyMs: number;
  private readonly quietUnderMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly log: Logger,
    /** What moves, as the start of each line: "download models/iris-v1/model.bin". */
    private readonly what: string,
    /** Total bytes when known. */
    private readonly total?: number,
    options: ProgressOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.started = this.last = this.clock();
    this.everyMs = log.live ? (options.redrawMs ?? 250) : (options.everyMs ?? 10_000);
    this.quietUnderMs = options.quietUnderMs ?? 2_000;
  }

  add(bytes: number): void {
    this.done += bytes;
    const now = this.clock();
    if (now - this.last >= this.everyMs) {
      this.last = now;
      this.log.progress(this.line(now));
    }
  }

  /** The last line: how much moved, how fast. */
  finish(): void {
    const now = this.clock();
    if (now - this.started < this.quietUnderMs) return;
    const seconds = (now - this.started) / 1000;
    this.log.info(`${this.what}: ${formatBytes(this.done)} in ${formatSeconds(seconds)} (${formatBytes(this.done / seconds)}/s)`);
  }

  line(now = this.clock()): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    if (this.total === undefined || this.total <= 0) return `${this.what}: ${formatBytes(this.done)}, ${formatBytes(rate)}/s`;
    const percent = Math.min(100, Math.floor((this.done / this.total) * 100));
    const left = rate > 0 ? formatSeconds(Math.max(0, this.total - this.done) / rate) : '?';
    return `${this.what}: ${formatBytes(this.done)} of ${formatBytes(this.total)} (${percent}%), ${formatBytes(rate)}/s, ${left} left`;
  }
}
