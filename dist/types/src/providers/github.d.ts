import type { LogStyle } from '../log.js';
import type { Env } from '../process.js';
import type { Report } from '../results.js';
import type { Provider, ReleaseContext } from './types.js';
export declare const githubLogStyle: LogStyle;
/**
 * One output in the runner's file-command format, as @actions/core writes it
 * (`name<<ghadelimiter_<uuid>`): a random delimiter that the value cannot hold.
 */
export declare function outputCommand(name: string, value: string): string;
export declare function githubContext(env: Env): ReleaseContext;
export declare const github: Provider;
/** The job summary: the headline says what happened, then the verb's table; redacted like every log line. */
export declare function summaryOf(report: Report, redact: (text: string) => string): string;
