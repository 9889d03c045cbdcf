/**
 * Does a version folder still match its own release.json? Since this version of
 * the tool, the record lists every file of the folder (release.json excepted)
 * with its size and sha256 (`files`), and the check goes both ways: nothing
 * missing, nothing changed, nothing extra. Releases made before that record only
 * the artifact (`artifact`: a file's sha256, or for a folder the sha256 of its
 * sorted "sha256  path" lines); for them only the artifact is checked, with a
 * warning that says so. A record of the wrong shape is refused, never skipped.
 */
import { createHash } from 'node:crypto';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import { folderRelativePath, RECORD_FILE, type RecordedFile } from './layout.js';
import { SIGNATURE_FILE } from '../signing/statement.js';

/** One file of a folder as read: its size and sha256, computed while it was copied (stores/download.ts). */
export interface FolderDigest {
  path: string;
  bytes: number;
  sha256: string;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const isSha256 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
const isSize = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function malformed(where: string, problem: string): ReleaseError {
  return new ReleaseError('EINTEGRITY', `${where}/${RECORD_FILE} is malformed: ${problem}; what the folder holds cannot be checked, so nothing was written`);
}

export function recordOf(recordText: string | undefined, where: string): Record<string, unknown> {
  if (recordText === undefined) throw new ReleaseError('EINTEGRITY', `${where} has no ${RECORD_FILE}, so what it holds cannot be checked; promote only what mlserver-release published`);
  let value: unknown;
  try {
    value = JSON.parse(recordText);
  } catch {
    throw malformed(where, 'it is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw malformed(where, 'it is not a JSON object');
  return value as Record<string, unknown>;
}

/** The `files` list of a record, checked field by field; undefined for records made before it existed. */
function recordedFiles(record: Record<string, unknown>, where: string): RecordedFile[] | undefined {
  if (record.files === undefined) return undefined;
  if (!Array.isArray(record.files)) throw malformed(where, '"files" is not a list');
  const seen = new Set<string>();
  return record.files.map((entry: unknown, index) => {
    const file = entry as Partial<RecordedFile> | null;
    if (!file || typeof file !== 'object' || typeof file.path !== 'string' || !isSize(file.bytes) || !isSha256(file.sha256)) {
      throw malformed(where, `"files"[${index}] is not {"path": text, "bytes": whole number, "sha256": 64 hex digits}`);
    }
    if (seen.has(file.path) || file.path === RECORD_FILE) throw malformed(where, `"files" lists ${JSON.stringify(file.path)} twice, or lists ${RECORD_FILE}`);
    seen.add(file.path);
    return { path: file.path, bytes: file.bytes, sha256: file.sha256 };
  });
}

interface RecordedArtifact {
  path: string;
  bytes: number;
  sha256: string;
}

function recordedArtifact(record: Record<string, unknown>, where: string): RecordedArtifact | undefined {
  if (record.artifact === undefined) return undefined;
  const artifact = record.artifact as Partial<RecordedArtifact> | null;
  if (!artifact || typeof artifact !== 'object' || typeof artifact.path !== 'string' || !isSize(artifact.bytes) || !isSha256(artifact.sha256)) {
    throw malformed(where, '"artifact" is not {"path": text, "bytes": whole number, "sha256": 64 hex digits}');
  }
  return { path: artifact.path, bytes: artifact.bytes, sha256: artifact.sha256 };
}

function checkArtifact(files: FolderDigest[], artifact: RecordedArtifact, where: string): void {
  const base = folderRelativePath(artifact.path);
  const single = files.find((f) => f.path === base);
  const parts = single ? [single] : files.filter((f) => f.path.startsWith(`${base}/`));
  if (parts.length === 0) throw new ReleaseError('EINTEGRITY', `${where}: the artifact ${base} that ${RECORD_FILE} records is missing`);
  const bytes = parts.reduce((sum, f) => sum + f.bytes, 0);
  const actual = single ? single.sha256 : sha256(parts.map((f) => `${f.sha256}  ${f.path}`).sort().join('\n'));
  if (actual !== artifact.sha256 || bytes !== artifact.bytes) {
    throw new ReleaseError('EINTEGRITY', `${where}: the artifact does not match its ${RECORD_FILE} (recorded ${artifact.bytes} bytes, sha256 ${artifact.sha256}; found ${bytes} bytes, sha256 ${actual}); nothing was written`);
  }
}

function checkEveryFile(files: FolderDigest[], recorded: RecordedFile[], where: string): void {
  const problems: string[] = [];
  // model.sig is not in the record (it signs the record): the signature check covers it.
  const present = new Map(files.filter((f) => f.path !== RECORD_FILE && f.path !== SIGNATURE_FILE).map((f) => [f.path, f]));
  for (const file of recorded) {
    const found = present.get(file.path);
    if (!found) problems.push(`${file.path}: recorded, but missing`);
    else if (found.bytes !== file.bytes || found.sha256 !== file.sha256) problems.push(`${file.path}: changed (recorded ${file.bytes} bytes, sha256 ${file.sha256.slice(0, 16)}...; found ${found.bytes} bytes, sha256 ${found.sha256.slice(0, 16)}...)`);
    present.delete(file.path);
  }
  for (const extra of present.keys()) problems.push(`${extra}: not in ${RECORD_FILE} (added after the release)`);
  if (problems.length > 0) throw new ReleaseError('EINTEGRITY', `${where} does not match its ${RECORD_FILE}; nothing was written`, problems);
}

/**
 * Throws EINTEGRITY when the folder is not what its release.json records; returns
 * the recorded artifact (when there is one) for results and commit trailers.
 */
export function assertMatchesRecord(files: FolderDigest[], recordText: string | undefined, where: string, log?: Logger): { path?: string; sha256?: string; bytes?: number; everyFile: boolean } {
  const record = recordOf(recordText, where);
  const artifact = recordedArtifact(record, where);
  const recorded = recordedFiles(record, where);
  if (recorded) checkEveryFile(files, recorded, where);
  else {
    log?.warn(`${where}/${RECORD_FILE} was written before mlserver-release recorded every file: only ${artifact ? `the artifact ${artifact.path}` : 'its presence'} can be checked, so other files are copied unchecked. Publish the version again to record them.`);
  }
  if (artifact) checkArtifact(files, artifact, where);
  return { ...(artifact ?? {}), everyFile: Boolean(recorded) };
}

/**
 * The check for a copy made where the bytes are (the same git blobs, an S3
 * server-side copy, a hard link): the folder lists exactly the files its record
 * lists, and the small texts read (`known`: path -> text) have the recorded
 * sha256. The other files' bytes are not read back: the copy is of the stored
 * objects themselves, and `promote` and `verify` are where bytes are re-hashed.
 */
export function assertListedAsRecorded(paths: string[], known: Map<string, string>, recordText: string | undefined, where: string, log?: Logger, ids?: Map<string, string>): { path?: string; sha256?: string; bytes?: number; everyFile: boolean } {
  const record = recordOf(recordText, where);
  const recorded = recordedFiles(record, where);
  const artifact = recordedArtifact(record, where);
  if (!recorded) {
    log?.warn(`${where}/${RECORD_FILE} was written before mlserver-release recorded every file: only the presence of ${artifact ? `the artifact ${artifact.path}` : 'its files'} can be checked.`);
    const base = artifact ? folderRelativePath(artifact.path) : undefined;
    if (base && !paths.some((p) => p === base || p.startsWith(`${base}/`))) throw new ReleaseError('EINTEGRITY', `${where}: the artifact ${base} that ${RECORD_FILE} records is missing`);
    return { ...(artifact ?? {}), everyFile: false };
  }
  const problems: string[] = [];
  const present = new Set(paths.filter((p) => p !== RECORD_FILE && p !== SIGNATURE_FILE));
  for (const file of recorded) {
    if (!present.has(file.path)) problems.push(`${file.path}: recorded, but missing`);
    else if (known.has(file.path) && sha256(known.get(file.path)!) !== file.sha256) problems.push(`${file.path}: changed (recorded sha256 ${file.sha256.slice(0, 16)}...)`);
    // Where the store's content id is a sha256 (object storage records the one its writer computed), it must be the recorded one.
    else if (isSha256(ids?.get(file.path)) && ids!.get(file.path) !== file.sha256) problems.push(`${file.path}: changed (recorded sha256 ${file.sha256.slice(0, 16)}...; the store holds ${ids!.get(file.path)!.slice(0, 16)}...)`);
    present.delete(file.path);
  }
  for (const extra of present) problems.push(`${extra}: not in ${RECORD_FILE} (added after the release)`);
  if (problems.length > 0) throw new ReleaseError('EINTEGRITY', `${where} does not match its ${RECORD_FILE}; nothing was written`, problems);
  return { ...(artifact ?? {}), everyFile: true };
}
