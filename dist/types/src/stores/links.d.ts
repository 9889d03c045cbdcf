/**
 * The host's URL shapes for links a person clicks: a commit, a committed file.
 * GitHub and GitLab spell them differently; other hosts get no link.
 */
import type { Env } from '../process.js';
import type { ReleaseResult } from '../results.js';
/** A browsable link to the release commit, where the host is known. */
export declare function commitUrl(result: ReleaseResult, env: Env): string | undefined;
/**
 * A link that shows a committed file in the browser, for figures in reviews:
 * GitHub's /raw/<ref>/<path> and GitLab's /-/raw/<ref>/<path>. Undefined elsewhere.
 */
export declare function rawFileUrl(repoUrl: string, ref: string, file: string, env?: Env): string | undefined;
