/**
 * STAND-IN for the GitHub REST API calls mlserver-release makes, checked against
 * GitHub's own description (@octokit/openapi, see github-openapi.ts): every
 * request is validated against the documented operation and every response
 * against the documented status and schema; problems are collected in
 * `openapiProblems`, which the tests require to stay empty. Bodies are built
 * from the documented response schemas. Effects are real, in bare repositories
 * at <root>/<owner>/<repo>.git. Documented answers it gives:
 * - 404 {"message":"Not Found"} for a missing repository;
 * - 409 {"message":"Git Repository is empty."} for refs and contents of an empty one;
 * - 422 "Update is not a fast forward", "Reference already exists";
 * - 422 "Protected branch update failed for refs/heads/<b>." and, for rulesets,
 *   "Repository rule violations found";
 * - 422 {"message":"Validation Failed","errors":[{"message":"A pull request already exists for <owner>:<branch>."}]}.
 * Errors carry GitHub's `message`, `documentation_url` and `status`.
 */
import path from 'node:path';
import type { BareRepoStore } from './bare-repo-store.js';
import { documentedBody, requestProblems, responseProblems } from './github-openapi.js';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Review {
  repo: string;
  number: number;
  source: string;
  target: string;
  title: string;
  body: string;
  url: string;
}

export interface HostState {
  store: BareRepoStore;
  root: string;
  url: string;
  reviews: Review[];
  protectedBranches: string[];
  rulesetBranches: string[];
  /** Runs once right before the next ref update (GitHub) or commit (GitLab), e.g. to land a competing commit. */
  beforeNextRefUpdate?: (repoDir: string, branch: string) => void;
  /** Runs once right before the next pull/merge request is created, e.g. to open a competing one. */
  beforeNextReview?: (repoDir: string, source: string, target: string) => void;
  addReview(repo: string, source: string, target: string, title: string, body: string, base: string): Review;
}

const DOCS = 'https://docs.github.com/rest';
const error = (status: number, message: string, extra: Record<string, unknown> = {}): Answer => ({
  status,
  body: { message, documentation_url: DOCS, status: String(status), ...extra },
});

export class GithubStandIn {
  readonly openapiProblems: string[] = [];

  constructor(private readonly state: HostState) {}

  handle(method: string, url: URL, body: Record<string, unknown>): Answer {
    const pathname = url.pathname.replace(/^\/api\/v3/, '');
    this.openapiProblems.push(...requestProblems(method, pathname, url.searchParams, method === 'GET' ? undefined : body));
    const answer = this.route(method, url, pathname, body);
    if (answer.status < 400) answer.body = documentedBody(method, pathname, answer.status, answer.body);
    this.openapiProblems.push(...responseProblems(method, pathname, answer.status, answer.body));
    return answer;
  }

  private route(method: string, url: URL, pathname: string, body: Record<string, unknown>): Answer {
    const { store } = this.state;
    const match = /^\/repos\/([^/]+)\/([^/]+)(?:\/(.*))?$/.exec(pathname);
    if (!match) return error(404, 'Not Found');
    const [, owner, name, rest = ''] = match;
    const repo = path.join(this.state.root, owner, `${name}.git`);
    if (!store.exists(repo)) return error(404, 'Not Found');
    const route = decodeURIComponent(rest);
    const empty = store.isEmpty(repo);
    const repoUrl = `${this.state.url}/${owner}/${name}`;
    let m: RegExpExecArray | null;
    if (method === 'GET' && route === '') {
      return { status: 200, body: { name, full_name: `${owner}/${name}`, default_branch: store.defaultBranch(repo), html_url: repoUrl, owner: { login: owner } } };
    }
    if (method === 'GET' && (m = /^git\/ref\/heads\/(.+)$/.exec(route))) {
      if (empty) return error(409, 'Git Repository is empty.');
      const sha = store.head(repo, m[1]);
      return sha ? { status: 200, body: { ref: `refs/heads/${m[1]}`, object: { sha, type: 'commit', url: `${repoUrl}/commit/${sha}` } } } : error(404, 'Not Found');
    }
    if (method === 'GET' && (m = /^contents\/(.+)$/.exec(route))) {
      if (empty) return error(409, 'Git Repository is empty.');
      const entries = store.listFolder(repo, url.searchParams.get('ref') ?? 'HEAD', m[1], false);
      if (entries.length === 0) return error(404, 'Not Found');
      return { status: 200, body: entries.map((e) => ({ name: e.name, path: e.path, sha: e.sha, type: e.type === 'tree' ? 'dir' : 'file', size: 0, url: `${repoUrl}/${e.path}`, html_url: null, git_url: null, download_url: null, _links: { self: `${repoUrl}/${e.path}`, git: null, html: null } })) };
    }
    if (method === 'GET' && (m = /^git\/trees\/(.+)$/.exec(route))) {
      if (empty) return error(409, 'Git Repository is empty.');
      const recursive = url.searchParams.has('recursive');
      const entries = store.listFolder(repo, m[1], '', recursive);
      const sha = store.git(repo, ['rev-parse', `${m[1]}^{tree}`]);
      return { status: 200, body: { sha, url: `${repoUrl}/tree/${sha}`, truncated: false, tree: entries.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, url: `${repoUrl}/${e.type}/${e.sha}` })) } };
    }
    if (method === 'GET' && (m = /^git\/blobs\/([0-9a-f]+)$/.exec(route))) {
      const content = store.blob(repo, m[1]);
      return { status: 200, body: { sha: m[1], size: content.length, encoding: 'base64', content: content.toString('base64'), url: `${repoUrl}/blob/${m[1]}`, node_id: m[1] } };
    }
    if (method === 'GET' && (m = /^git\/commits\/([0-9a-f]+)$/.exec(route))) {
      return { status: 200, body: { sha: m[1], tree: { sha: store.git(repo, ['rev-parse', `${m[1]}^{tree}`]), url: `${repoUrl}/tree` } } };
    }
    if (method === 'POST' && route === 'git/blobs') {
      const sha = store.writeBlob(repo, Buffer.from(body.content as string, body.encoding === 'base64' ? 'base64' : 'utf8'));
      return { status: 201, body: { sha, url: `${repoUrl}/blob/${sha}` } };
    }
    if (method === 'POST' && route === 'git/trees') {
      const entries = body.tree as Array<{ path: string; mode: string; sha: string | null }>;
      const sha = store.buildTree(repo, body.base_tree as string | undefined, entries);
      return { status: 201, body: { sha, url: `${repoUrl}/tree/${sha}`, tree: [], truncated: false } };
    }
    if (method === 'POST' && route === 'git/commits') {
      const author = (body.author as { name: string; email: string } | undefined) ?? { name: 'GitHub', email: 'noreply@github.com' };
      const sha = store.commitTree(repo, body.tree as string, body.parents as string[], body.message as string, author);
      return { status: 201, body: { sha, message: body.message, tree: { sha: body.tree, url: `${repoUrl}/tree` }, parents: (body.parents as string[]).map((p) => ({ sha: p, url: `${repoUrl}/commit/${p}`, html_url: `${repoUrl}/commit/${p}` })), url: `${repoUrl}/commit/${sha}`, html_url: `${repoUrl}/commit/${sha}` } };
    }
    if (method === 'POST' && route === 'git/refs') {
      const ref = body.ref as string;
      this.runRefHook(repo, ref.replace('refs/heads/', ''));
      if (store.head(repo, ref.replace('refs/heads/', ''))) return error(422, 'Reference already exists');
      store.git(repo, ['update-ref', ref, body.sha as string]);
      return { status: 201, body: { ref, object: { sha: body.sha, type: 'commit', url: `${repoUrl}/commit/${body.sha}` } } };
    }
    if (method === 'PATCH' && (m = /^git\/refs\/heads\/(.+)$/.exec(route))) {
      const branch = m[1];
      if (this.state.protectedBranches.includes(branch)) return error(422, `Protected branch update failed for refs/heads/${branch}.`);
      if (this.state.rulesetBranches.includes(branch)) return error(422, 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n');
      this.runRefHook(repo, branch);
      const current = store.head(repo, branch)!;
      try {
        store.git(repo, ['merge-base', '--is-ancestor', current, body.sha as string]);
      } catch {
        return error(422, 'Update is not a fast forward');
      }
      store.git(repo, ['update-ref', `refs/heads/${branch}`, body.sha as string, current]);
      return { status: 200, body: { ref: `refs/heads/${branch}`, object: { sha: body.sha, type: 'commit', url: `${repoUrl}/commit/${body.sha}` } } };
    }
    if (method === 'GET' && route === 'pulls') {
      const head = url.searchParams.get('head')?.split(':')[1];
      const base = url.searchParams.get('base');
      const open = this.state.reviews.filter((r) => r.repo === repo && r.source === head && (!base || r.target === base));
      return { status: 200, body: open.map((r) => this.pull(r)) };
    }
    if (method === 'POST' && route === 'pulls') {
      const hook = this.state.beforeNextReview;
      this.state.beforeNextReview = undefined;
      hook?.(repo, body.head as string, body.base as string);
      if (this.state.reviews.some((r) => r.repo === repo && r.source === body.head && r.target === body.base)) {
        return error(422, 'Validation Failed', { errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${body.head}.` }] });
      }
      const review = this.state.addReview(repo, body.head as string, body.base as string, body.title as string, body.body as string, `${repoUrl}/pull`);
      return { status: 201, body: this.pull(review) };
    }
    return error(404, 'Not Found');
  }

  private pull(review: Review) {
    return { number: review.number, html_url: review.url, url: review.url, state: 'open', title: review.title, body: review.body, head: { ref: review.source }, base: { ref: review.target } };
  }

  private runRefHook(repo: string, branch: string): void {
    const hook = this.state.beforeNextRefUpdate;
    this.state.beforeNextRefUpdate = undefined;
    hook?.(repo, branch);
  }
}
