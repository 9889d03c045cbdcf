import type { Logger, LogStyle } from '../log.js';
import type { Env } from '../process.js';
import type { Report } from '../results.js';

/** What the CI (or the local checkout) knows about the release being made. */
export interface ReleaseContext {
  /** The tag that triggered the release, when there is one. */
  tag?: string;
  /** The training project's repository, without credentials. */
  sourceRepository?: string;
  sourceCommit?: string;
  jobUrl?: string;
}

export interface ProviderInput {
  env: Env;
  cwd: string;
}

export interface ResultInput extends ProviderInput {
  log: Logger;
  /** GitLab: where the dotenv report goes (default mlserver-release.env). */
  dotenvPath?: string;
}

/**
 * One per place we run: GitHub Actions, GitLab CI, or a laptop. Selection asks
 * each provider's `detect` in turn; `local` always matches, so it goes last.
 */
export interface Provider {
  name: 'github' | 'gitlab' | 'local';
  detect(input: { env: Env }): boolean;
  /** Tag, source repository and commit, job URL. */
  context(input: ProviderInput): Promise<ReleaseContext>;
  /** How groups, warnings and errors are printed where this provider runs. */
  logStyle(input: { env: Env; isTTY: boolean }): LogStyle;
  /**
   * The line that hides a secret in the CI's own log view ('' for none), written
   * unredacted to the log stream. Only GitHub's runner understands a mask
   * command; elsewhere the tool's own redaction is all there is.
   */
  maskSecret(spelling: string): string;
  /** Hands what a verb did (or why it failed) to wherever this CI reads step results: outputs, a summary. */
  publishReport(report: Report, input: ResultInput): Promise<void>;
}
