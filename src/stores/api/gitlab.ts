/**
 * GitLab's REST API (v4) through @gitbeaker/rest, with our own single-attempt
 * requester (gitlab-requester.ts) so retries follow the tool's policy. Behaviour
 * follows GitLab's docs:
 * - doc/api/commits.md: one commit with create/update/delete actions;
 *   `last_commit_id` on update and delete actions; `start_branch` only to create
 *   a branch (an existing one answers 400 "A branch called ... already exists");
 * - doc/api/merge_requests.md: a duplicate open MR answers 409;
 * - doc/api/rest/index.md: lists are paginated (20 per page) with Link headers,
 *   which gitbeaker's `all*` calls follow;
 * - doc/api/repositories.md: repository tree and raw blobs.
 */
import { Gitlab } from '@gitbeaker/rest';
import { ReleaseError } from '../../errors.js';
import { hostMessage, httpFailure } from './http-failure.js';
import { gitlabRequester } from './gitlab-requester.js';
import { originBoundFetch } from './origin-fetch.js';
import { CommitRefusedError, type ApiCommitInput, type HostApi, type ReviewRequest } from './types.js';

export type GitlabTokenKind = 'private' | 'oauth' | 'job';

export interface GitlabApiOptions {
  /** The instance root, e.g. https://gitlab.example.com or https://host/gitlab for a relative-URL install. */
  host: string;
  /** group/subgroup/project, relative to the instance root. */
  project: string;
  token?: string;
  tokenKind: GitlabTokenKind;
  timeoutMs: number;
}

export function gitlabApi(options: GitlabApiOptions): HostApi {
  const auth =
    options.tokenKind === 'oauth' ? { oauthToken: options.token! } : options.tokenKind === 'job' ? { jobToken: options.token! } : { token: options.token! };
  const api = new Gitlab({ host: options.host, ...auth, requesterFn: gitlabRequester(originBoundFetch(options.timeoutMs)) });
  const project = options.project;

  async function findOpenReview(source: string, target: string): Promise<ReviewRequest | undefined> {
    const found = await api.MergeRequests.all({ projectId: project, sourceBranch: source, targetBranch: target, state: 'opened' });
    return found[0] ? { number: found[0].iid as number, url: found[0].web_url as string } : undefined;
  }

  return {
    kind: 'gitlab',
    retriesItself: false,
    async defaultBranch() {
      const branch = (await api.Projects.show(project)).default_branch as string | null | undefined;
      if (!branch) throw new ReleaseError('EEMPTYREPO', `${project} has no commits yet, so it has no default branch; create the branch first, with one commit`);
      return branch;
    },
    async branchHead(branch) {
      try {
        return (await api.Branches.show(project, branch)).commit.id as string;
      } catch (error) {
        if (httpFailure(error).status === 404) return undefined;
        throw error;
      }
    },
    async treeBlobs(ref, prefix) {
      return new Map((await this.treeEntries(ref, prefix)).filter((e) => e.mode !== '160000').map((e) => [e.path, e.id]));
    },
    async treeEntries(ref, prefix) {
      let entries;
      try {
        // Paginated (20 per page by default); gitbeaker follows the Link headers.
        entries = await api.Repositories.allRepositoryTrees(project, { ...(prefix ? { path: prefix } : {}), ref, recursive: true, perPage: 100 });
      } catch (error) {
        if (httpFailure(error).status === 404) return [];
        throw error;
      }
      return entries
        .filter((entry) => entry.type === 'blob' || entry.type === 'commit')
        .map((entry) => ({ path: entry.path, id: entry.id, mode: String(entry.mode ?? (entry.type === 'commit' ? '160000' : '100644')) }));
    },
    async readBlob(oid) {
      const raw = await api.Repositories.showBlobRaw(project, oid);
      return raw instanceof Blob ? Buffer.from(await raw.arrayBuffer()) : Buffer.from(String(raw));
    },
    async commit(input: ApiCommitInput) {
      // last_commit_id is "the last known file commit": the last commit at our base that touched
      // the file (Files::MultiService compares it with Commit.last_for_path), not the branch head.
      const lastCommitFor = async (path: string) => {
        const found = await api.Commits.all(project, { refName: input.parent, path, perPage: 1, maxPages: 1 });
        return found[0]?.id as string | undefined;
      };
      const actions = [];
      for (const file of input.files) {
        const update = input.existing.has(file.path);
        const lastCommitId = update ? await lastCommitFor(file.path) : undefined;
        actions.push({
          action: (update ? 'update' : 'create') as 'update' | 'create',
          filePath: file.path,
          content: file.content.toString('base64'),
          encoding: 'base64',
          ...(file.executable ? { executeFilemode: true } : {}),
          ...(lastCommitId ? { lastCommitId } : {}),
        });
      }
      for (const path of input.deletes) {
        const lastCommitId = await lastCommitFor(path);
        actions.push({ action: 'delete' as const, filePath: path, ...(lastCommitId ? { lastCommitId } : {}) });
      }
      try {
        const commit = await api.Commits.create(project, input.branch, input.message, actions, {
          startBranch: input.createFrom,
          authorName: input.author.name,
          authorEmail: input.author.email,
        });
        return commit.id as string;
      } catch (error) {
        const failure = httpFailure(error);
        // 400: the branch or the files are not what we read (a race); the caller re-reads and decides.
        if (failure.status === 400) throw new CommitRefusedError(hostMessage(failure));
        if (failure.status === 403 && /not allowed to push|protected/i.test(hostMessage(failure))) {
          throw new ReleaseError('EPROTECTED', `GitLab refused to commit to ${input.branch}: ${hostMessage(failure)}`);
        }
        throw error;
      }
    },
    findOpenReview,
    async openReview(source, target, title, body) {
      try {
        const created = await api.MergeRequests.create(project, source, target, title, { description: body });
        return { number: created.iid as number, url: created.web_url as string, reused: false };
      } catch (error) {
        // 409 "Another open merge request already exists for this source branch": reuse it.
        if (httpFailure(error).status === 409) {
          const open = await findOpenReview(source, target);
          if (open) return { ...open, reused: true };
        }
        throw error;
      }
    },
  };
}
