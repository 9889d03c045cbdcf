/**
 * GitHub's REST API through octokit, with GitHub's maintained plugins for what
 * the docs ask of a client: @octokit/plugin-throttling (waits out primary and
 * secondary rate limits, and spaces write requests) and @octokit/plugin-retry
 * (retries 5xx). Git Data API commits and pull requests; the answers handled here
 * are the documented ones (409 "Git Repository is empty.", 422 not a fast
 * forward, 422 protected branch or ruleset, 422 duplicate pull request).
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { ReleaseError } from '../../errors.js';
import type { BackoffOptions } from '../../publish/retry.js';
import { hostMessage, httpFailure } from './http-failure.js';
import { originBoundFetch } from './origin-fetch.js';
import { RefMovedError, type ApiCommitInput, type HostApi } from './types.js';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const GitHubClient = Octokit.plugin(retry, throttling);

export interface GithubApiOptions {
  apiUrl: string;
  owner: string;
  repo: string;
  token?: string;
  backoff: BackoffOptions;
  timeoutMs: number;
  /** GitHub asks for at least a second between writes; the throttling plugin's default. */
  writeIntervalMs?: number;
  onWait?: (message: string) => void;
}

/** Protected branches and repository rulesets both refuse with 422 (or 403 for some rules). */
export const PROTECTION_REFUSAL = /protected branch|rule violations|ruleset|cannot force-push|changes must be made through a pull request/i;

export function githubApi(options: GithubApiOptions): HostApi {
  const maxWaitS = 15 * 60;
  const keepTrying = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount + 1 >= options.backoff.attempts || retryAfter > maxWaitS) return false;
    options.onWait?.(`api: GitHub ${kind} rate limit on ${request.method} ${request.url}; waiting ${retryAfter}s as GitHub asks (retry ${retryCount + 1})`);
    return true;
  };
  const octokit = new GitHubClient({
    auth: options.token,
    baseUrl: options.apiUrl,
    log: quiet,
    userAgent: 'mlserver-release',
    request: { fetch: originBoundFetch(options.timeoutMs) },
    // 5xx only: rate limits are the throttling plugin's, and the rest are answers, not accidents.
    retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451], retries: options.backoff.attempts - 1, retryAfterBaseValue: options.backoff.baseMs },
    throttle: {
      onRateLimit: keepTrying('primary'),
      onSecondaryRateLimit: keepTrying('secondary'),
      ...(options.writeIntervalMs !== undefined
        ? { write: new Bottleneck.Group({ id: 'mlserver-release-write', maxConcurrent: 1, minTime: options.writeIntervalMs }) }
        : {}),
    },
  });
  const repo = { owner: options.owner, repo: options.repo };

  const emptyRepository = () =>
    new ReleaseError('EEMPTYREPO', `${options.owner}/${options.repo} has no commits yet (GitHub: "Git Repository is empty."); create the branch first, with one commit`);

  async function headOf(branch: string): Promise<string | undefined> {
    try {
      return (await octokit.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
    } catch (error) {
      const failure = httpFailure(error);
      if (failure.status === 404) return undefined;
      if (failure.status === 409) throw emptyRepository();
      throw error;
    }
  }

  return {
    kind: 'github',
    retriesItself: true,
    async defaultBranch() {
      return (await octokit.repos.get(repo)).data.default_branch;
    },
    branchHead: headOf,
    async treeBlobs(ref, prefix) {
      return new Map((await this.treeEntries(ref, prefix)).filter((e) => e.mode !== '160000').map((e) => [e.path, e.id]));
    },
    async treeEntries(ref, prefix) {
      // One request for the whole tree (GET git/trees/{sha}?recursive=1); GitHub truncates past 100,000 entries.
      const { data } = await octokit.git.getTree({ ...repo, tree_sha: ref, recursive: '1' });
      if (data.truncated) throw new ReleaseError('EPUSHFAILED', `GitHub truncated the tree of ${options.owner}/${options.repo} (over 100,000 entries); use --via git for this repository`);
      const scope = prefix ? `${prefix}/` : '';
      return data.tree
        .filter((e) => (e.type === 'blob' || e.type === 'commit') && e.path && e.sha && e.path.startsWith(scope))
        .map((e) => ({ path: e.path!, id: e.sha!, mode: e.mode ?? (e.type === 'commit' ? '160000' : '100644') }));
    },
    async readBlob(oid) {
      const { data } = await octokit.git.getBlob({ ...repo, file_sha: oid });
      return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
    },
    async commit(input: ApiCommitInput) {
      const baseTree = (await octokit.git.getCommit({ ...repo, commit_sha: input.parent })).data.tree.sha;
      const entries: Array<{ path: string; mode: '100644' | '100755'; type: 'blob'; sha: string | null }> = [];
      for (const file of input.files) {
        const blob = await octokit.git.createBlob({ ...repo, content: file.content.toString('base64'), encoding: 'base64' });
        entries.push({ path: file.path, mode: file.executable ? '100755' : '100644', type: 'blob', sha: blob.data.sha });
      }
      for (const path of input.deletes) entries.push({ path, mode: '100644', type: 'blob', sha: null });
      const tree = await octokit.git.createTree({ ...repo, base_tree: baseTree, tree: entries });
      const commit = await octokit.git.createCommit({ ...repo, message: input.message, tree: tree.data.sha, parents: [input.parent], author: input.author });
      try {
        if (input.createFrom) await octokit.git.createRef({ ...repo, ref: `refs/heads/${input.branch}`, sha: commit.data.sha });
        else await octokit.git.updateRef({ ...repo, ref: `heads/${input.branch}`, sha: commit.data.sha, force: false });
      } catch (error) {
        const failure = httpFailure(error);
        const words = hostMessage(failure);
        if ((failure.status === 422 || failure.status === 403) && PROTECTION_REFUSAL.test(words)) {
          throw new ReleaseError('EPROTECTED', `GitHub refused to update ${input.branch}: ${words}`);
        }
        // Any other 422 is "moved" only when a re-read shows the branch really moved (or, for a
        // new review branch, that someone else created it meanwhile).
        if (failure.status === 422) {
          const now = await headOf(input.branch);
          if (input.createFrom ? now !== undefined : now !== input.parent) throw new RefMovedError();
        }
        throw error;
      }
      return commit.data.sha;
    },
    async findOpenReview(source, target) {
      const { data } = await octokit.pulls.list({ ...repo, state: 'open', head: `${options.owner}:${source}`, base: target, per_page: 100 });
      return data[0] ? { number: data[0].number, url: data[0].html_url } : undefined;
    },
    async openReview(source, target, title, body) {
      try {
        const { data } = await octokit.pulls.create({ ...repo, head: source, base: target, title, body });
        return { number: data.number, url: data.html_url, reused: false };
      } catch (error) {
        const failure = httpFailure(error);
        // 422 "A pull request already exists for owner:branch.": another run opened it first.
        if (failure.status === 422 && /already exists/i.test(hostMessage(failure))) {
          const open = await this.findOpenReview(source, target);
          if (open) return { ...open, reused: true };
        }
        throw error;
      }
    },
  };
}
