/** GitHub's REST API through octokit: Git Data API commits and pull requests. */
import { Octokit } from '@octokit/rest';
import { RefMovedError, type ApiCommitInput, type HostApi } from './types.js';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function status(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

export function githubApi(options: { apiUrl: string; owner: string; repo: string; token?: string }): HostApi {
  const octokit = new Octokit({ auth: options.token, baseUrl: options.apiUrl, log: quiet, userAgent: 'mlserver-release' });
  const repo = { owner: options.owner, repo: options.repo };

  async function listFolder(ref: string, folder: string, prefix: string, into: Map<string, string>): Promise<void> {
    let data;
    try {
      ({ data } = await octokit.repos.getContent({ ...repo, path: folder, ref }));
    } catch (error) {
      if (status(error) === 404) return;
      throw error;
    }
    for (const entry of Array.isArray(data) ? data : [data]) {
      if (entry.type === 'dir') await listFolder(ref, entry.path, `${prefix}${entry.name}/`, into);
      else if (entry.type === 'file') into.set(`${prefix}${entry.name}`, entry.sha);
    }
  }

  return {
    kind: 'github',
    async defaultBranch() {
      return (await octokit.repos.get(repo)).data.default_branch;
    },
    async branchHead(branch) {
      try {
        return (await octokit.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
      } catch (error) {
        if (status(error) === 404) return undefined;
        throw error;
      }
    },
    async folderBlobs(ref, folder) {
      const blobs = new Map<string, string>();
      await listFolder(ref, folder, '', blobs);
      return blobs;
    },
    async readBlob(oid) {
      const { data } = await octokit.git.getBlob({ ...repo, file_sha: oid });
      return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
    },
    async commit(input: ApiCommitInput) {
      const baseTree = (await octokit.git.getCommit({ ...repo, commit_sha: input.parent })).data.tree.sha;
      const entries: Array<{ path: string; mode: '100644'; type: 'blob'; sha: string | null }> = [];
      for (const file of input.files) {
        const blob = await octokit.git.createBlob({ ...repo, content: file.content.toString('base64'), encoding: 'base64' });
        entries.push({ path: file.path, mode: '100644', type: 'blob', sha: blob.data.sha });
      }
      for (const path of input.deletes) entries.push({ path, mode: '100644', type: 'blob', sha: null });
      const tree = await octokit.git.createTree({ ...repo, base_tree: baseTree, tree: entries });
      const commit = await octokit.git.createCommit({ ...repo, message: input.message, tree: tree.data.sha, parents: [input.parent], author: input.author });
      try {
        if (input.createFrom) await octokit.git.createRef({ ...repo, ref: `refs/heads/${input.branch}`, sha: commit.data.sha });
        else await octokit.git.updateRef({ ...repo, ref: `heads/${input.branch}`, sha: commit.data.sha, force: false });
      } catch (error) {
        // 422: not a fast-forward (someone else landed first), unless a protection rule refused it.
        const message = (error as Error).message ?? '';
        if (status(error) === 422 && !/protected/i.test(message)) throw new RefMovedError();
        throw error;
      }
      return commit.data.sha;
    },
    async findOpenReview(source, target) {
      const { data } = await octokit.pulls.list({ ...repo, state: 'open', head: `${options.owner}:${source}`, base: target });
      return data[0] ? { number: data[0].number, url: data[0].html_url } : undefined;
    },
    async openReview(source, target, title, body) {
      const { data } = await octokit.pulls.create({ ...repo, head: source, base: target, title, body });
      return { number: data.number, url: data.html_url };
    },
  };
}
