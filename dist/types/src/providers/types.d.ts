import type { LogStyle } from '../log.js';
import type { Env } from '../process.js';
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
/**
 * One per place we run: GitHub Actions, GitLab CI, or a laptop. Selection asks
 * each provider's `detect` in turn; `local` always matches, so it goes last.
 */
export interface Provider {
    name: 'github' | 'gitlab' | 'local';
    detect(input: {
        env: Env;
    }): boolean;
    context(input: ProviderInput): Promise<ReleaseContext>;
    /** How groups, warnings and errors are printed where this provider runs. */
    logStyle(input: {
        env: Env;
        isTTY: boolean;
    }): LogStyle;
}
