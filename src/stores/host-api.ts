/**
 * A model repository written through its host's REST API, without any clone:
 * GitHub's Git Data API or GitLab's Commits API (publish/api/github.ts,
 * publish/api/gitlab.ts behind one HostApi). A snapshot is one listing of the
 * tree under the models path; a change is one commit; a moved branch (GitHub 422
 * with the ref really moved, GitLab 400 on what is there now) means deciding
 * again on a fresh snapshot.
 */
import { Readable } from 'node:stream';
import { readFile, stat } from 'node:fs/promises';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import { API_FILE_LIMIT_BYTES, callApi, gitBlobId } from './api/client.js';
import { CommitRefusedError, RefMovedError, type ApiFile, type HostApi } from './api/types.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from '../publish/retry.js';
import { versionFolders } from './folders.js';
import type { Applied, ApplyOptions, Decision, FileToPublish, ModelStore, Snapshot, StoredFile, StoredKind, StoredReference } from './types.js';

const KINDS: Record<string, StoredKind> = { '100644': 'file', '100755': 'executable', '120000': 'symlink', '160000': 'submodule' };

export interface HostApiStoreOptions {
  api: HostApi;
  /** The repository URL, without credentials. */
  location: string;
  branch?: string;
  modelsPath: string;
  log: Logger;
  backoff?: BackoffOptions;
}

/**
 * A file's bytes for a commit API, which takes each file whole (base64 in JSON):
 * one file is held at a time, and a file above the host's limit is refused by its
 * size before it is read and before anything is written.
 */
async function bytesOf(file: FileToPublish): Promise<Buffer> {
  if (!file.source) return Buffer.from(file.content ?? '');
  const size = (await stat(file.source)).size;
  if (size > API_FILE_LIMIT_BYTES) {
    throw new ReleaseError('EAPILIMIT', `${file.path} is ${(size / 1e6).toFixed(0)} MB, above the ${API_FILE_LIMIT_BYTES / 1e6} MB a host's commit API takes per file; nothing was written`);
  }
  return readFile(file.source);
}

export function hostApiStore(options: HostApiStoreOptions): ModelStore {
  const { api, log } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const call = <T>(what: string, action: () => Promise<T>) => callApi(what, action, backoff, log, api);
  let defaultBranch: string | undefined;
  const branchOrDefault = async (branch?: string) =>
    branch ?? options.branch ?? (defaultBranch ??= await call('read the default branch', () => api.defaultBranch()));

  async function snapshotAt(head: string | undefined, branch: string): Promise<Snapshot> {
    const ids = head ? await call(`read the tree of ${branch}`, () => api.treeBlobs(head, options.modelsPath)) : new Map<string, string>();
    const texts = new Map<string, string>();
    const snapshot: Snapshot = {
      head,
      branch,
      folders: versionFolders([...ids].map(([path, id]) => ({ path, id })), options.modelsPath),
      async readTexts(paths) {
        const out = new Map<string, string>();
        for (const p of paths) {
          const id = ids.get(p);
          if (!id) continue;
          if (!texts.has(p)) texts.set(p, (await call(`read ${p}`, () => api.readBlob(id))).toString('utf8'));
          out.set(p, texts.get(p)!);
        }
        return out;
      },
      async contentIds(_folder, files) {
        return new Map(await Promise.all(files.map(async (file) => [file.path, file.stored ? await storedBlobId(snapshot, file.stored) : gitBlobId(await bytesOf(file))] as [string, string])));
      },
    };
    return snapshot;
  }

  /** The blob id of a file the branch already holds, from the listing. */
  async function storedBlobId(snapshot: Snapshot, reference: StoredReference): Promise<string> {
    const id = (await snapshot.folders.get(reference.folder)?.files())?.get(reference.path);
    if (!id) throw new ReleaseError('ESTOREDATA', `${reference.folder}/${reference.path} is no longer in ${options.location}; nothing was written`);
    return id;
  }

  return {
    kind: api.kind,
    location: options.location,
    referenceTo: (folder, file) => ({ location: options.location, folder, path: file }),
    canCopy: (reference) => reference.location === options.location && !reference.server,
    async preflight({ branch, needsExistingBranch }) {
      const target = await branchOrDefault(branch);
      const head = await call(`read branch ${target}`, () => api.branchHead(target));
      if (!head && needsExistingBranch) throw new ReleaseError('EBRANCHMISSING', `Branch "${target}" does not exist on ${options.location}`);
      if (!head) throw new ReleaseError('EBRANCHMISSING', `Branch "${target}" does not exist on ${options.location}; the API can only add to an existing branch`);
      log.info(`preflight: the ${api.kind} API answers for ${options.location}, branch ${target}`);
    },
    async snapshot(branch) {
      const target = await branchOrDefault(branch);
      return snapshotAt(await call(`read branch ${target}`, () => api.branchHead(target)), target);
    },
    async readFolder(folder, branch, use) {
      const target = await branchOrDefault(branch);
      const head = await call(`read branch ${target}`, () => api.branchHead(target));
      if (!head) return use([]);
      const entries = await call(`read ${folder}`, () => api.treeEntries(head, folder));
      const out: StoredFile[] = entries.map((entry) => {
        // The mode says what it is: the boundary copies only files, so a symlink is never turned into one.
        const kind = KINDS[entry.mode] ?? 'file';
        // The blob APIs answer a file whole (GitHub's up to 100 MB, the most it stores without LFS), so
        // one file at a time is held, never the folder.
        const open = async () => Readable.from(kind === 'file' || kind === 'executable' ? [await call(`read ${entry.path}`, () => api.readBlob(entry.id))] : []);
        return { path: entry.path.slice(folder.length + 1), kind, open };
      });
      return use(out);
    },
    async apply<T>(decide: (snapshot: Snapshot, attempt: number) => Promise<Decision<T>>, applyOptions: ApplyOptions): Promise<Applied<T>> {
      const branch = await branchOrDefault(applyOptions.branch);
      for (let attempt = 1; attempt <= backoff.attempts; attempt++) {
        const head = await call(`read branch ${branch}`, () => api.branchHead(branch));
        const startHead = !head && applyOptions.startFrom ? await call(`read branch ${applyOptions.startFrom}`, () => api.branchHead(applyOptions.startFrom!)) : undefined;
        const base = head ?? startHead;
        if (!base) throw new ReleaseError('EBRANCHMISSING', `Branch "${branch}" does not exist on ${options.location}`);
        const snapshot = await snapshotAt(base, head ? branch : applyOptions.startFrom!);
        const decision = await decide(snapshot, attempt);
        if ('done' in decision) return { result: decision.done, changed: false, commit: base, branch, attempts: attempt };

        const files: ApiFile[] = [];
        const deletes: string[] = [];
        const before = new Set<string>();
        for (const folder of snapshot.folders.values()) for (const p of (await folder.files()).keys()) before.add(`${folder.folder}/${p}`);
        const existing = new Set([...before].filter((p) => decision.writes.some((w) => p.startsWith(`${w.folder}/`))));
        for (const write of decision.writes.filter((w) => w.keepOthers)) {
          // A folder that is not a version folder (a manifests folder) is not in the snapshot's listing.
          for (const p of (await call(`read ${write.folder}`, () => api.treeBlobs(base, write.folder))).keys()) existing.add(p);
        }
        for (const write of decision.writes) {
          const written = new Set<string>();
          for (const file of write.files ?? []) {
            // The commit APIs take content, so a file the branch already holds is read back through the API (one at a time).
            const content = file.stored ? await call(`read ${file.stored.folder}/${file.stored.path}`, async () => api.readBlob(await storedBlobId(snapshot, file.stored!))) : await bytesOf(file);
            const executable = file.source ? ((await stat(file.source)).mode & 0o111) !== 0 : false; // (a reused file: its mode is not carried)
            files.push({ path: `${write.folder}/${file.path}`, content, ...(executable ? { executable } : {}) });
            written.add(`${write.folder}/${file.path}`);
          }
          if (write.keepOthers) continue;
          for (const p of existing) if (p.startsWith(`${write.folder}/`) && !written.has(p)) deletes.push(p);
        }
        try {
          const commit = await call(applyOptions.what, () =>
            api.commit({ branch, parent: base, createFrom: head ? undefined : applyOptions.startFrom, files, deletes, existing, message: decision.message, author: decision.author }),
          );
          log.info(`publish: committed ${commit.slice(0, 12)} to ${branch} through the ${api.kind} API`);
          return { result: decision.result, changed: true, commit, branch, attempts: attempt };
        } catch (error) {
          if (!(error instanceof RefMovedError) && !(error instanceof CommitRefusedError)) throw error;
          if (error instanceof CommitRefusedError) {
            // GitLab refused on what is there now. A race moved something: decide again on a fresh read.
            // Nothing moved: the refusal is real, and its words are the message.
            const now = await call(`read branch ${branch}`, () => api.branchHead(branch));
            if (now === head) throw new ReleaseError('EPUSHFAILED', `${api.kind} refused the commit to ${branch}: ${error.hostMessage}`);
            log.info(`publish: ${branch} changed while committing (${error.hostMessage}); deciding again on its new head`);
          }
          if (attempt === backoff.attempts) break;
          const delay = backoffDelay(attempt, backoff);
          log.info(`publish: ${branch} moved while committing; rebuilding on its new head in ${delay}ms`);
          await sleep(delay);
        }
      }
      throw new ReleaseError('EPUSHFAILED', `Gave up on ${applyOptions.what} after ${backoff.attempts} attempts: the branch ${branch} kept moving`);
    },
    async openReview(source, target, title, body) {
      const open = await call('look for an open review', () => api.findOpenReview(source, target));
      if (open) return { ...open, reused: true };
      return call('open the review', () => api.openReview(source, target, title, body));
    },
    defaultBranch: () => branchOrDefault(),
  };
}
