/**
 * STAND-IN for the GitLab REST API v4 calls mlserver-release makes, following
 * GitLab's docs page by page (each behaviour has a test in
 * test/publish/api-transport.test.ts). Effects are real, in bare repositories at
 * <root>/<group>/<project>.git.
 * - doc/api/rest/index.md: `:id` is a URL-encoded path (group%2Fproject);
 *   instances may live under a relative root (https://host/gitlab/api/v4);
 *   lists are paginated, 20 per page by default, with x-page, x-per-page,
 *   x-total, x-total-pages, x-next-page, x-prev-page and a Link header.
 * - doc/api/projects.md: GET /projects/:id, 404 "404 Project Not Found";
 *   `default_branch` is null for an empty repository.
 * - doc/api/branches.md: GET /projects/:id/repository/branches/:branch, 404 "404 Branch Not Found".
 * - doc/api/repositories.md: repository/tree (path, ref, recursive; 404 "404 Tree Not Found")
 *   and repository/blobs/:sha/raw.
 * - doc/api/commits.md: POST repository/commits with actions; 400 answers from
 *   GitLab's Commits::CreateService and Files::MultiService:
 *   "You can only create or edit files when you are on a branch",
 *   "A branch called '<b>' already exists. Switch to that branch in order to make changes" (start_branch on an existing branch),
 *   "A file with this name already exists" (create), "A file with this name doesn't exist" (update, delete),
 *   "The file has changed since you started editing it: <path>" (last_commit_id is not the
 *   last commit that touched the file); 403 for a protected branch.
 * - doc/api/merge_requests.md: a second open MR for the same source and target answers 409
 *   {"message":["Another open merge request already exists for this source branch: !<iid>"]}.
 * - doc/ci/jobs/ci_job_token.md: a JOB-TOKEN may call only the endpoints listed there;
 *   none of the above is among them, so they answer 403.
 * - doc/security/rate_limits.md: 429 with Retry-After (injected as a fault).
 */
import path from 'node:path';
import type { Answer, HostState } from './github-standin.js';

const message = (status: number, text: string | string[]): Answer => ({ status, body: { message: text } });

export class GitlabStandIn {
  constructor(private readonly state: HostState, private readonly prefix = '') {}

  /** `jobToken` is true when the request authenticated with JOB-TOKEN. */
  handle(method: string, url: URL, body: Record<string, unknown>, jobToken: boolean): Answer {
    const { store } = this.state;
    const match = new RegExp(`^${this.prefix}/api/v4/projects/([^/]+)(?:/(.*))?$`).exec(url.pathname);
    if (!match) return message(404, '404 Not Found');
    if (jobToken) return message(403, '403 Forbidden');
    const project = decodeURIComponent(match[1]);
    const route = match[2] ?? '';
    const repo = path.join(this.state.root, `${project}.git`);
    if (!store.exists(repo)) return message(404, '404 Project Not Found');
    const empty = store.isEmpty(repo);
    let m: RegExpExecArray | null;
    if (method === 'GET' && route === '') {
      return { status: 200, body: { id: 1, path_with_namespace: project, default_branch: empty ? null : store.defaultBranch(repo), web_url: `${this.state.url}${this.prefix}/${project}` } };
    }
    if (method === 'GET' && (m = /^repository\/branches\/(.+)$/.exec(route))) {
      const branch = decodeURIComponent(m[1]);
      const sha = store.head(repo, branch);
      return sha ? { status: 200, body: { name: branch, commit: { id: sha } } } : message(404, '404 Branch Not Found');
    }
    if (method === 'GET' && (m = /^repository\/blobs\/([0-9a-f]+)\/raw$/.exec(route))) {
      return { status: 200, body: store.blob(repo, m[1]), headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
    }
    if (method === 'GET' && route === 'repository/tree') {
      const folder = url.searchParams.get('path') ?? '';
      const entries = store.listFolder(repo, url.searchParams.get('ref') ?? 'HEAD', folder, url.searchParams.get('recursive') === 'true');
      if (folder && entries.length === 0) return message(404, '404 Tree Not Found');
      return this.paginate(url, entries.map((e) => ({ id: e.sha, name: e.name, type: e.type, path: e.path, mode: e.mode })));
    }
    if (method === 'GET' && route === 'repository/commits') {
      const ref = url.searchParams.get('ref_name') ?? 'HEAD';
      const file = url.searchParams.get('path');
      const last = file ? store.lastCommitFor(repo, ref, file) : store.git(repo, ['rev-parse', ref]);
      return this.paginate(url, last ? [{ id: last, short_id: last.slice(0, 8) }] : []);
    }
    if (method === 'POST' && route === 'repository/commits') return this.commit(repo, project, body);
    if (method === 'GET' && route === 'merge_requests') {
      const found = this.state.reviews.filter((r) => r.repo === repo && r.source === url.searchParams.get('source_branch') && r.target === url.searchParams.get('target_branch'));
      return this.paginate(url, found.map((r) => ({ iid: r.number, web_url: r.url, state: 'opened', source_branch: r.source, target_branch: r.target })));
    }
    if (method === 'POST' && route === 'merge_requests') {
      const hook = this.state.beforeNextReview;
      this.state.beforeNextReview = undefined;
      hook?.(repo, body.source_branch as string, body.target_branch as string);
      const open = this.state.reviews.find((r) => r.repo === repo && r.source === body.source_branch && r.target === body.target_branch);
      if (open) return message(409, [`Another open merge request already exists for this source branch: !${open.number}`]);
      const review = this.state.addReview(repo, body.source_branch as string, body.target_branch as string, body.title as string, body.description as string, `${this.state.url}${this.prefix}/${project}/-/merge_requests`);
      return { status: 201, body: { iid: review.number, web_url: review.url, state: 'opened' } };
    }
    return message(404, '404 Not Found');
  }

  private commit(repo: string, project: string, body: Record<string, unknown>): Answer {
    const { store } = this.state;
    const branch = body.branch as string;
    if (this.state.protectedBranches.includes(branch)) return message(403, '403 Forbidden - You are not allowed to push into this branch');
    const hook = this.state.beforeNextRefUpdate;
    this.state.beforeNextRefUpdate = undefined;
    hook?.(repo, branch);
    const existing = store.head(repo, branch);
    const startBranch = body.start_branch as string | undefined;
    if (startBranch && startBranch !== branch && existing && !store.isEmpty(repo)) {
      return message(400, `A branch called '${branch}' already exists. Switch to that branch in order to make changes`);
    }
    const start = existing ?? (startBranch ? store.head(repo, startBranch) : undefined);
    if (!start) return message(400, 'You can only create or edit files when you are on a branch');
    const changes: Array<{ path: string; sha: string | null; mode?: string }> = [];
    for (const action of body.actions as Array<{ action: string; file_path: string; content?: string; encoding?: string; last_commit_id?: string; execute_filemode?: boolean }>) {
      const exists = store.fileExists(repo, start, action.file_path);
      if (action.action === 'create' && exists) return message(400, 'A file with this name already exists');
      if ((action.action === 'update' || action.action === 'delete') && !exists) return message(400, "A file with this name doesn't exist");
      if (action.last_commit_id && (action.action === 'update' || action.action === 'delete') && store.lastCommitFor(repo, start, action.file_path) !== action.last_commit_id) {
        return message(400, `The file has changed since you started editing it: ${action.file_path}`);
      }
      if (action.action === 'delete') changes.push({ path: action.file_path, sha: null });
      // doc/api/commits.md: execute_filemode true sets the executable flag on the file.
      else changes.push({ path: action.file_path, sha: store.writeBlob(repo, Buffer.from(action.content ?? '', action.encoding === 'base64' ? 'base64' : 'utf8')), ...(action.execute_filemode ? { mode: '100755' } : {}) });
    }
    const tree = store.buildTree(repo, `${start}^{tree}`, changes);
    const commit = store.commitTree(repo, tree, [start], String(body.commit_message), { name: String(body.author_name ?? 'GitLab'), email: String(body.author_email ?? 'gitlab@example.com') });
    store.git(repo, ['update-ref', `refs/heads/${branch}`, commit]);
    return { status: 201, body: { id: commit, short_id: commit.slice(0, 8), message: body.commit_message, web_url: `${this.state.url}${this.prefix}/${project}/-/commit/${commit}` } };
  }

  /** Offset pagination as doc/api/rest/index.md describes it. */
  private paginate(url: URL, items: unknown[]): Answer {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 20) || 20);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number) => {
      const next = new URL(url.toString());
      next.host = new URL(this.state.url).host;
      next.protocol = new URL(this.state.url).protocol;
      next.searchParams.set('page', String(p));
      next.searchParams.set('per_page', String(perPage));
      return next.toString();
    };
    const links = [
      ...(page < totalPages ? [`<${link(page + 1)}>; rel="next"`] : []),
      ...(page > 1 ? [`<${link(page - 1)}>; rel="prev"`] : []),
      `<${link(1)}>; rel="first"`,
      `<${link(totalPages)}>; rel="last"`,
    ];
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: {
        'x-page': String(page), 'x-per-page': String(perPage), 'x-total': String(items.length), 'x-total-pages': String(totalPages),
        'x-next-page': page < totalPages ? String(page + 1) : '', 'x-prev-page': page > 1 ? String(page - 1) : '', link: links.join(', '),
      },
    };
  }
}
