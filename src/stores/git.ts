/**
 * A model repository reached with git: each operation works in a fresh temporary
 * bare repository that fetches only the branch tip's trees (no file contents),
 * rewrites only the trees on the path to the changed folders, and pushes without
 * force, rebuilding on the new tip when another push lands first. Paths the
 * repository's .gitattributes routes through Git LFS are committed as pointers
 * and uploaded with `git lfs push`.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { blobStream, fetchObjects, hashFiles, listTree, readBlob, readBlobs } from '../git.js';
import { progressTicker } from '../publish/network.js';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import type { Credentials } from './credentials.js';
import { commitWithRetry, REMOTE, withGitSession, type GitSession, type SessionInput } from './git/session.js';
import { lfsMatcher, prepareLfsObjects, uploadLfsObjects, type LfsFile } from './git/lfs.js';
import { preflight } from './git/preflight.js';
import type { BackoffOptions } from '../publish/retry.js';
import { replaceFolder, replaceFile, writeFolderTree, type FolderFile } from './git/tree.js';
import type { HostApi } from './api/types.js';
import { versionFolders } from './folders.js';
import { mayHoldModel } from '../inventory.js';
import type { Applied, ApplyOptions, Decision, FileToPublish, ModelStore, ReviewRequest, Snapshot, StoredFile } from './types.js';
import { callApi } from './api/client.js';
import { DEFAULT_BACKOFF } from '../publish/retry.js';

export interface GitStoreOptions {
  url: string;
  isHttp: boolean;
  credentials?: Credentials;
  branch?: string;
  modelsPath: string;
  env: Env;
  cwd: string;
  log: Logger;
  backoff?: BackoffOptions;
  networkTimeoutMs?: number;
  /** The host's API, for pull/merge requests when the repository is on GitHub or GitLab. */
  reviewer?: HostApi;
}

let generatedFiles = 0;

/** folder, then path, source and content of each file: what identifies a hashing. */
function hashKey(folder: string, files: FileToPublish[]): string {
  return [folder, ...files.flatMap((f) => [f.path, f.source ?? '', f.content ?? ''])].join('\0');
}

/** GitHub refuses files over 100 MB unless they go through LFS. */
const LARGE_FILE_BYTES = 100 * 1000 * 1000;

export function gitStore(options: GitStoreOptions): ModelStore {
  const sessionInput = (branch?: string, startBranch?: string): SessionInput => ({
    url: options.url, credentials: options.credentials, branch: branch ?? options.branch, startBranch,
    env: options.env, log: options.log, backoff: options.backoff, networkTimeoutMs: options.networkTimeoutMs,
  });

  /** The snapshot of one fetched tip, inside a session (hashing writes blobs into its repository). */
  async function snapshotAt(session: GitSession, tip: string | undefined, lfsUploads: LfsFile[], early?: { folder: string; files: FileToPublish[]; ids: Promise<Map<string, string>> }): Promise<Snapshot> {
    const { ctx, workspace } = session;
    const prefix = options.modelsPath ? `${options.modelsPath}/` : '';
    const listed = tip ? await listTree(tip, ctx, { path: prefix || undefined, recursive: true }) : [];
    const ids = new Map(listed.filter((e) => e.type === 'blob').map((e) => [e.path, e.oid]));
    for (const entry of listed) if (entry.mode === '100755') executables.add(entry.path);
    // Which paths go through LFS is the target repository's decision, read from its tip.
    const attributes = tip ? await readBlob(`${tip}:.gitattributes`, ctx) : undefined;
    const isLfs = lfsMatcher(attributes);
    const hashed = new Map<string, Promise<Map<string, string>>>();
    // Blobs hashed while the tip was being fetched are good unless this tip routes one of them through LFS.
    if (early && !early.files.some((file) => file.source && isLfs(`${early.folder}/${file.path}`))) hashed.set(hashKey(early.folder, early.files), early.ids);
    return {
      head: tip,
      branch: session.branch,
      folders: versionFolders([...ids].map(([p, id]) => ({ path: p, id })), options.modelsPath),
      async readTexts(paths) {
        const oids = paths.map((p) => ids.get(p)).filter((oid): oid is string => Boolean(oid));
        // Only these small blobs are downloaded, in one request.
        await fetchObjects(REMOTE, oids, ctx);
        const blobs = await readBlobs(oids, ctx);
        const texts = new Map<string, string>();
        for (const p of paths) {
          const text = ids.has(p) ? blobs.get(ids.get(p)!) : undefined;
          if (text !== undefined) texts.set(p, text);
        }
        return texts;
      },
      contentIds(folder, files) {
        // Deciding and writing both ask; hash (and write the blobs) once per folder and file list.
        const key = hashKey(folder, files);
        if (!hashed.has(key)) hashed.set(key, hashInto(folder, files));
        return hashed.get(key)!;
      },
    };

    async function hashInto(folder: string, files: FileToPublish[]): Promise<Map<string, string>> {
        const sources: string[] = [];
        const lfsSources: string[] = [];
        // A file this repository already holds keeps its blob: nothing is downloaded or hashed.
        const reused = new Map<string, string>();
        for (const file of files) {
          if (file.stored) {
            const oid = ids.get(`${file.stored.folder}/${file.stored.path}`);
            if (!oid) throw new ReleaseError('ESTOREDATA', `${file.stored.folder}/${file.stored.path} is no longer in ${options.url}; nothing was written`);
            reused.set(file.path, oid);
            continue;
          }
          if (file.source) {
            sources.push(path.resolve(file.source));
            if (isLfs(`${folder}/${file.path}`)) lfsSources.push(path.resolve(file.source));
            else if ((await stat(file.source)).size > LARGE_FILE_BYTES) {
              options.log.warn(`${file.path} is over 100 MB and the repository does not route it through Git LFS: GitHub will reject the push`);
            }
          } else {
            // Unique across every snapshot of the session: an early hashing may still be writing its own.
            const generated = path.join(workspace, `generated-${++generatedFiles}`);
            await writeFile(generated, file.content ?? '');
            sources.push(generated);
          }
        }
        const lfs = await prepareLfsObjects(lfsSources, ctx.cwd, workspace, ctx);
        if (lfs.length > 0) options.log.info(`publish: ${lfs.length} file(s) go through Git LFS, as the repository's .gitattributes asks`);
        lfsUploads.push(...lfs);
        const pointerOf = new Map(lfs.map((f) => [f.source, f.pointerFile]));
        const oids = await hashFiles(sources.map((s) => pointerOf.get(s) ?? s), ctx);
        const hashedFiles = files.filter((file) => !file.stored);
        return new Map(files.map((file) => [file.path, reused.get(file.path) ?? oids[hashedFiles.indexOf(file)]]));
    }
  }

  /** Paths the repository lists as executable (mode 100755), so a reused blob keeps its mode. */
  const executables = new Set<string>();

  async function folderFiles(files: FileToPublish[], ids: Map<string, string>): Promise<FolderFile[]> {
    const out: FolderFile[] = [];
    for (const file of files) {
      const executable = file.stored ? executables.has(`${file.stored.folder}/${file.stored.path}`) : file.source ? ((await stat(file.source)).mode & 0o111) !== 0 : false;
      out.push({ path: file.path, oid: ids.get(file.path)!, executable });
    }
    return out;
  }

  const store: ModelStore = {
    kind: 'git',
    location: options.url,
    referenceTo: (folder, file) => ({ location: options.url, folder, path: file }),
    canCopy: (reference) => reference.location === options.url && !reference.server,
    async preflight({ branch, needsExistingBranch }) {
      await preflight({
        url: options.url, isHttp: options.isHttp, credentials: options.credentials, branch: branch ?? options.branch, env: options.env, cwd: options.cwd,
        log: options.log, backoff: options.backoff, timeoutMs: options.networkTimeoutMs, needsExistingBranch,
      });
    },
    snapshot(branch, scope) {
      return withGitSession(sessionInput(branch), async (session) => {
        const tip = await session.fetchTip();
        const snapshot = await snapshotAt(session, tip, []);
        // The session ends here: read now what callers almost always ask for (the release.json
        // and settings of every version of the scope's model, or of all, small blobs in one
        // request); anything else opens a new session.
        const folders = [...snapshot.folders.keys()].filter((f) => !scope?.model || mayHoldModel(f, scope.model));
        const wanted = new Set(folders.flatMap((f) => [`${f}/release.json`, `${f}/model-settings.json`]));
        const texts = await snapshot.readTexts([...wanted]);
        const later = async (paths: string[]) => {
          const missing = paths.filter((p) => !texts.has(p) && !wanted.has(p));
          if (missing.length > 0 && tip) {
            const more = await withGitSession(sessionInput(branch), async (again) => {
              await again.fetchTip();
              return (await snapshotAt(again, tip, [])).readTexts(missing);
            });
            for (const [p, text] of more) texts.set(p, text);
          }
          return new Map(paths.filter((p) => texts.has(p)).map((p) => [p, texts.get(p)!]));
        };
        return { ...snapshot, readTexts: later, contentIds: () => Promise.reject(new Error('contentIds needs apply()')) };
      });
    },
    async readFolder(folder, branch, use) {
      return withGitSession(sessionInput(branch), async (session) => {
        const tip = await session.fetchTip();
        if (!tip) return use([]);
        const listed = await listTree(tip, session.ctx, { path: `${folder}/`, recursive: true });
        const entries = listed.filter((e) => e.type === 'blob');
        // The folder's blobs in one request, into the session's repository on disk (git's memory, not
        // ours), when the first file is opened: a caller that only lists the folder downloads nothing.
        let fetched: Promise<void> | undefined;
        const fetchAll = () => (fetched ??= (async () => {
          const stopTicker = progressTicker(options.log, `download ${folder}/ from ${options.url}`);
          try {
            await fetchObjects(REMOTE, entries.map((e) => e.oid), session.ctx);
          } finally {
            stopTicker();
          }
        })());
        const empty = async () => Readable.from([]);
        const out: StoredFile[] = listed.filter((e) => e.type === 'commit').map((e) => ({ path: e.path.slice(folder.length + 1), kind: 'submodule' as const, open: empty }));
        for (const entry of entries) {
          const kind = entry.mode === '120000' ? 'symlink' : entry.mode === '100755' ? 'executable' : 'file';
          out.push({ path: entry.path.slice(folder.length + 1), kind, open: async () => (await fetchAll(), blobStream(entry.oid, session.ctx)) });
        }
        return use(out);
      });
    },
    async apply<T>(decide: (snapshot: Snapshot, attempt: number) => Promise<Decision<T>>, applyOptions: ApplyOptions): Promise<Applied<T>> {
      const input = sessionInput(applyOptions.branch, applyOptions.startFrom);
      return withGitSession(input, async (session) => {
        // Hashing the expected files overlaps the fetch; most repositories use no LFS, so start as if none.
        // (Not for files the repository already holds: their blob ids come from the tip.)
        const expected = applyOptions.expected?.files && !applyOptions.expected.files.some((file) => file.stored) ? applyOptions.expected : undefined;
        const early = expected ? { folder: expected.folder, files: expected.files!, ids: (await snapshotAt(session, undefined, [])).contentIds(expected.folder, expected.files!) } : undefined;
        early?.ids.catch(() => undefined); // awaited later; this only keeps an early failure from going unhandled
        let result: T | undefined;
        let lastHead: string | undefined;
        let attempts = 0;
        const outcome = await commitWithRetry<T>(session, input, applyOptions.what, async (tip, attempt) => {
          lastHead = tip;
          attempts = attempt;
          const lfs: LfsFile[] = [];
          const snapshot = await snapshotAt(session, tip, lfs, early);
          const decision = await decide(snapshot, attempt);
          if ('done' in decision) return { done: decision.done };
          result = decision.result;
          let tree = tip ? `${tip}^{tree}` : undefined;
          for (const write of decision.writes) {
            if (write.keepOthers) {
              // Only the listed files change; every other entry keeps its object id and mode.
              const ids = await snapshot.contentIds(write.folder, write.files ?? []);
              for (const file of await folderFiles(write.files ?? [], ids)) tree = await replaceFile(tree, `${write.folder}/${file.path}`, file, session.ctx);
              continue;
            }
            const folderTree = write.files ? await writeFolderTree(await folderFiles(write.files, await snapshot.contentIds(write.folder, write.files)), session.ctx) : undefined;
            tree = await replaceFolder(tree, write.folder, folderTree, session.ctx);
          }
          return { tree: tree!, message: decision.message, author: decision.author, beforePush: () => uploadLfsObjects(REMOTE, lfs, session.ctx) };
        });
        if ('done' in outcome) return { result: outcome.done, changed: false, commit: lastHead, branch: session.branch, attempts };
        return { result: result as T, changed: true, commit: outcome.commit, branch: session.branch, attempts: outcome.attempts };
      });
    },
  };
  if (options.reviewer) {
    const reviewer = options.reviewer;
    const call = <R>(what: string, action: () => Promise<R>) => callApi(what, action, options.backoff ?? DEFAULT_BACKOFF, options.log, reviewer);
    store.openReview = async (source, target, title, body): Promise<ReviewRequest> => {
      const open = await call('look for an open review', () => reviewer.findOpenReview(source, target));
      if (open) return { ...open, reused: true };
      return call('open the review', () => reviewer.openReview(source, target, title, body));
    };
    store.defaultBranch = () => call('read the default branch', () => reviewer.defaultBranch());
  }
  return store;
}

