/** GitLab's REST API through @gitbeaker/rest: Commits API with actions, merge requests. */
import { Gitlab } from '@gitbeaker/rest';
import type { ApiCommitInput, HostApi } from './types.js';

export type GitlabTokenKind = 'private' | 'oauth' | 'job';

function status(error: unknown): number | undefined {
  return (error as { cause?: { response?: { status?: number } } }).cause?.response?.status;
}

export function gitlabApi(options: { host: string; project: string; token?: string; tokenKind: GitlabTokenKind }): HostApi {
  const auth =
    options.tokenKind === 'oauth' ? { oauthToken: options.token! } : options.tokenKind === 'job' ? { jobToken: options.token! } : { token: options.token! };
  const api = new Gitlab({ host: options.host, ...auth });
  const project = options.project;

  return {
    kind: 'gitlab',
    async defaultBranch() {
      return (await api.Projects.show(project)).default_branch as string;
    },
    async branchHead(branch) {
      try {
        return (await api.Branches.show(project, branch)).commit.id as string;
      } catch (error) {
        if (status(error) === 404) return undefined;
        throw error;
      }
    },
    async folderBlobs(ref, folder) {
      const blobs = new Map<string, string>();
      let entries;
      try {
        entries = await api.Repositories.allRepositoryTrees(project, { path: folder, ref, recursive: true });
      } catch (error) {
        if (status(error) === 404) return blobs;
        throw error;
      }
      for (const entry of entries) if (entry.type === 'blob') blobs.set(entry.path.slice(folder.length + 1), entry.id);
      return blobs;
    },
    async readBlob(oid) {
      const raw = await api.Repositories.showBlobRaw(project, oid);
      return raw instanceof Blob ? Buffer.from(await raw.arrayBuffer()) : Buffer.from(String(raw));
    },
    async commit(input: ApiCommitInput) {
      const actions = [
        ...input.files.map((file) => ({
          action: (input.existing.has(file.path) ? 'update' : 'create') as 'update' | 'create',
          filePath: file.path,
          content: file.content.toString('base64'),
          encoding: 'base64',
        })),
        ...input.deletes.map((path) => ({ action: 'delete' as const, filePath: path })),
      ];
      const commit = await api.Commits.create(project, input.branch, input.message, actions, {
        startBranch: input.createFrom,
        authorName: input.author.name,
        authorEmail: input.author.email,
      });
      return commit.id as string;
    },
    async findOpenReview(source, target) {
      const found = await api.MergeRequests.all({ projectId: project, sourceBranch: source, targetBranch: target, state: 'opened' });
      return found[0] ? { number: found[0].iid as number, url: found[0].web_url as string } : undefined;
    },
    async openReview(source, target, title, body) {
      const created = await api.MergeRequests.create(project, source, target, title, { description: body });
      return { number: created.iid as number, url: created.web_url as string };
    },
  };
}
