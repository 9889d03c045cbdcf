/**
 * One loopback server for the two host API stand-ins: GitHub under /api/v3
 * (github-standin.ts, checked against GitHub's OpenAPI description) and GitLab
 * under [prefix]/api/v4 (gitlab-standin.ts, following GitLab's docs). It checks
 * the token, records requests, and injects faults the way the hosts send them:
 * status, headers and body.
 */
import http from 'node:http';
import { BareRepoStore } from './bare-repo-store.js';
import { GithubStandIn, type Answer, type HostState, type Review } from './github-standin.js';
import { GitlabStandIn } from './gitlab-standin.js';
import { closeServer, listenOnLoopback } from './loopback.js';

export type { Review };

export interface HostStandInOptions {
  /** Folder holding bare repos; GitHub o/r -> <root>/o/r.git, GitLab group/p -> <root>/group/p.git. */
  root: string;
  token: string;
  protectedBranches?: string[];
  /** Branches a GitHub repository ruleset protects. */
  rulesetBranches?: string[];
  /** A relative URL root for GitLab, e.g. "/gitlab". */
  gitlabPrefix?: string;
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Only requests this matches get the fault (default: the next request). */
  when?: (method: string, path: string) => boolean;
}

/** GitHub's documented rate-limit answers (docs.github.com, "Rate limits for the REST API"). */
export const GITHUB_FAULTS = {
  primaryRateLimit: (resetInSeconds: number): Fault => ({
    status: 403,
    headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds) },
    body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' },
  }),
  secondaryRateLimit: (retryAfter: number): Fault => ({
    status: 429,
    headers: { 'retry-after': String(retryAfter) },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: '429' },
  }),
  serverError: (): Fault => ({ status: 502, body: { message: 'Server Error' } }),
};

/** GitLab's documented 429 (doc/security/rate_limits.md): Retry-After and RateLimit-* headers. */
export const GITLAB_FAULTS = {
  rateLimit: (retryAfter: number): Fault => ({
    status: 429,
    headers: { 'retry-after': String(retryAfter), 'ratelimit-limit': '600', 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter) },
    body: 'Retry later\n',
  }),
  serverError: (): Fault => ({ status: 502, body: { message: '502 Bad Gateway' } }),
};

export class HostApiStandIn implements HostState {
  readonly reviews: Review[] = [];
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  /** Bodies and headers of every request, to scan for leaks. */
  readonly bodies: string[] = [];
  readonly store = new BareRepoStore();
  readonly github: GithubStandIn;
  readonly gitlab: GitlabStandIn;
  readonly root: string;
  readonly protectedBranches: string[];
  readonly rulesetBranches: string[];
  private readonly faults: Fault[] = [];
  beforeNextRefUpdate?: (repoDir: string, branch: string) => void;
  beforeNextReview?: (repoDir: string, source: string, target: string) => void;
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  url = '';

  constructor(private readonly options: HostStandInOptions) {
    this.root = options.root;
    this.protectedBranches = options.protectedBranches ?? [];
    this.rulesetBranches = options.rulesetBranches ?? [];
    this.github = new GithubStandIn(this);
    this.gitlab = new GitlabStandIn(this, options.gitlabPrefix ?? '');
  }

  async start(): Promise<this> {
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** The next matching request answers with this fault. */
  injectFault(fault: Fault): void {
    this.faults.push(fault);
  }

  addReview(repo: string, source: string, target: string, title: string, body: string, base: string): Review {
    const number = this.reviews.filter((r) => r.repo === repo).length + 1;
    const review = { repo, number, source, target, title, body, url: `${base}/${number}` };
    this.reviews.push(review);
    return review;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    this.bodies.push(raw, JSON.stringify(req.headers));
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const record = { method, path: url.pathname, status: 0 };
    this.requests.push(record);
    const send = (answer: Answer) => {
      record.status = answer.status;
      const isBytes = Buffer.isBuffer(answer.body);
      const isText = typeof answer.body === 'string';
      res.writeHead(answer.status, { 'Content-Type': isBytes || isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', ...answer.headers });
      res.end(isBytes || isText ? (answer.body as Buffer | string) : JSON.stringify(answer.body));
    };
    const faultIndex = this.faults.findIndex((f) => !f.when || f.when(method, url.pathname));
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      return send({ status: fault.status, headers: fault.headers, body: fault.body ?? { message: 'injected' } });
    }
    const auth = this.authorized(req);
    if (!auth) return send({ status: 401, body: url.pathname.startsWith('/api/v3/') ? { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } : { message: '401 Unauthorized' } });
    let body: Record<string, unknown> = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return send({ status: 400, body: { message: 'Problems parsing JSON' } });
    }
    if (url.pathname.startsWith('/api/v3/')) return send(this.github.handle(method, url, body));
    if (url.pathname.startsWith(`${this.options.gitlabPrefix ?? ''}/api/v4/`)) return send(this.gitlab.handle(method, url, body, auth === 'job'));
    send({ status: 404, body: { message: 'Not Found' } });
  }

  private authorized(req: http.IncomingMessage): 'token' | 'job' | undefined {
    const token = this.options.token;
    const header = req.headers.authorization ?? '';
    if (header === `token ${token}` || header === `Bearer ${token}` || req.headers['private-token'] === token) return 'token';
    if (req.headers['job-token'] === token) return 'job';
    return undefined;
  }
}
