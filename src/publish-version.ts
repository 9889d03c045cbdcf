/**
 * Publishing one version folder into any model store, with the rules every
 * store shares: identical content is a no-op; a folder that belongs to another
 * model is never touched; different content is a conflict unless --force; and,
 * with a review, the folder lands on a review branch and a pull/merge request
 * is opened (or reused). The store does the writing; this decides what to write.
 */
import { ReleaseError } from './errors.js';
import type { Identity } from './git.js';
import type { Logger } from './log.js';
import { RECORD_FILE, SETTINGS_FILE } from './publish/layout.js';
import { assertOwnedBy, recordedIdentity, type FolderIdentity } from './publish/ownership.js';
import type { Decision, FileToPublish, ModelStore, Snapshot } from './stores/types.js';

export interface PublishVersionInput {
  folder: string;
  files: FileToPublish[];
  identity: FolderIdentity;
  /** Files that differ on every run (release.json) and so do not count as a change. */
  ignoreForComparison: string[];
  message: string;
  author: Identity;
  force: boolean;
  branch?: string;
  /** The body gets the commit that holds the change, so links in it are permalinks. */
  review?: { branch: string; title: string; body: string | ((commit: string | undefined) => string) };
  log: Logger;
}

export interface PublishedVersion {
  status: 'pushed' | 'already-published';
  branch?: string;
  commit?: string;
  reviewUrl?: string;
  replaced: boolean;
  attempts: number;
}

type Comparison = 'absent' | 'same' | 'different';

async function compare(snapshot: Snapshot, input: PublishVersionInput): Promise<{ state: Comparison; differences: string[] }> {
  const stored = snapshot.folders.get(input.folder);
  if (!stored) return { state: 'absent', differences: [] };
  const theirs = await stored.files();
  const mine = await snapshot.contentIds(input.folder, input.files);
  const ignore = (p: string) => input.ignoreForComparison.includes(p);
  const differences: string[] = [];
  for (const [file, id] of mine) {
    if (ignore(file)) continue;
    const other = theirs.get(file);
    if (!other) differences.push(`${file}: new in this release`);
    else if (other !== id) differences.push(`${file}: differs (published ${other.slice(0, 12)}, local ${id.slice(0, 12)})`);
  }
  for (const file of theirs.keys()) if (!ignore(file) && !mine.has(file)) differences.push(`${file}: only in the published version`);
  return { state: differences.length === 0 ? 'same' : 'different', differences };
}

/** Decides on a snapshot: done when already there, an error when not ours or different, else the write. */
async function decideRelease(snapshot: Snapshot, input: PublishVersionInput, where: string): Promise<Decision<{ replaced: boolean }>> {
  const { state, differences } = await compare(snapshot, input);
  if (state === 'same') {
    input.log.info(`publish: ${input.folder} already holds this exact model${where}; nothing to change`);
    return { done: { replaced: false } };
  }
  if (state === 'different') {
    const texts = await snapshot.readTexts([`${input.folder}/${RECORD_FILE}`, `${input.folder}/${SETTINGS_FILE}`]);
    assertOwnedBy(`${input.folder}${where}`, input.identity, recordedIdentity(texts.get(`${input.folder}/${RECORD_FILE}`), texts.get(`${input.folder}/${SETTINGS_FILE}`)));
    if (!input.force) throw new ReleaseError('EVERSIONCONFLICT', `${input.folder} is already published${where} with different content`, differences);
  }
  return { writes: [{ folder: input.folder, files: input.files }], message: input.message, author: input.author, result: { replaced: state === 'different' } };
}

export async function publishVersion(store: ModelStore, input: PublishVersionInput): Promise<PublishedVersion> {
  const what = `publishing ${input.folder}`;
  if (!input.review) {
    const applied = await store.apply((snapshot) => decideRelease(snapshot, input, snapshot.branch ? ` on ${snapshot.branch}` : ''), { branch: input.branch, what, expected: { folder: input.folder, files: input.files } });
    return { status: applied.changed ? 'pushed' : 'already-published', branch: applied.branch, commit: applied.commit, replaced: applied.result.replaced, attempts: applied.attempts };
  }
  if (!store.openReview || !store.defaultBranch) {
    throw new ReleaseError('EUSAGE', `--review opens a pull or merge request, which ${store.location} (${store.kind}) does not have`);
  }
  // The target decides whether there is anything to review; the review branch holds the change.
  const target = input.branch ?? (await store.defaultBranch());
  const onTarget = await store.snapshot(target, { model: input.identity.model });
  const verdict = await decideRelease(onTarget, input, ` on ${target}`);
  if ('done' in verdict) return { status: 'already-published', branch: target, commit: onTarget.head, replaced: false, attempts: 1 };
  const review = input.review;
  const applied = await store.apply(async (snapshot) => {
    const { state } = await compare(snapshot, input);
    if (state === 'same' && snapshot.branch === review.branch) {
      input.log.info(`publish: ${review.branch} already holds this release; reusing it`);
      return { done: { replaced: false } };
    }
    return { writes: [{ folder: input.folder, files: input.files }], message: input.message, author: input.author, result: { replaced: state === 'different' } };
  }, { branch: review.branch, startFrom: target, what, expected: { folder: input.folder, files: input.files } });
  const opened = await store.openReview(review.branch, target, review.title, typeof review.body === 'string' ? review.body : review.body(applied.commit));
  input.log.info(`publish: ${opened.reused ? 'reusing' : 'opened'} ${opened.url}`);
  return { status: 'pushed', branch: review.branch, commit: applied.commit, reviewUrl: opened.url, replaced: verdict.result.replaced, attempts: applied.attempts };
}
