/**
 * The OpenSSF model-signing format v1.0, as sigstore/model-transparency's
 * `model_signing` writes and reads it (followed at commit
 * e3430730bca924e672b2e59f10524a7ffb5adf79: src/model_signing/_signing/signing.py
 * `Payload` and `dsse_payload_to_manifest`, manifest.py `resource_descriptors`,
 * _serialization/file.py). An in-toto Statement v1 whose one subject is the
 * folder (its name, and the root digest) and whose predicate lists every file:
 * - `serialization`: method "files", hash_type "sha256", allow_symlinks false,
 *   and the ignored paths (the signature itself, git's own files);
 * - `resources`: one per file, `{ name, algorithm: "sha256", digest }`, the name
 *   its "/"-separated path in the folder, ordered as Python orders PurePosixPath
 *   (component by component, so "a/b" sorts before "a.txt");
 * - the root digest: sha256 over the raw bytes of every resource digest, in
 *   that order.
 */
import { createHash } from 'node:crypto';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://model_signing/signature/v1.0';
export const SIGNATURE_FILE = 'model.sig';
/** What model_signing leaves out by default (the signature, git's files), as it records them. */
export const IGNORED_PATHS = ['.git', '.gitattributes', '.github', '.gitignore', SIGNATURE_FILE];

export interface SignedFile {
  /** "/"-separated path in the folder. */
  path: string;
  /** sha256, hex. */
  sha256: string;
}

export interface Statement {
  _type: string;
  subject: Array<{ name: string; digest: { sha256: string } }>;
  predicateType: string;
  predicate: {
    serialization: { method: string; hash_type: string; allow_symlinks: boolean; ignore_paths?: string[] };
    resources: Array<{ name: string; algorithm: string; digest: string }>;
  };
}

/** Python's PurePosixPath order: compare the components, each by code point. */
export function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return codePointCompare(left[i], right[i]);
  }
  return left.length - right.length;
}

function codePointCompare(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i].codePointAt(0)! - right[i].codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** Whether model_signing leaves a path out: it is, or is under, an ignored path. */
export function isIgnored(file: string, ignored: string[] = IGNORED_PATHS): boolean {
  return ignored.some((path) => file === path || file.startsWith(`${path}/`));
}

export function rootDigest(resources: Array<{ digest: string }>): string {
  const hash = createHash('sha256');
  for (const resource of resources) hash.update(Buffer.from(resource.digest, 'hex'));
  return hash.digest('hex');
}

/** The statement for a folder named `name` holding `files` (the ignored ones are left out). */
export function statementFor(name: string, files: SignedFile[]): Statement {
  const resources = files
    .filter((file) => !isIgnored(file.path))
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((file) => ({ name: file.path, algorithm: 'sha256', digest: file.sha256 }));
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name, digest: { sha256: rootDigest(resources) } }],
    predicateType: PREDICATE_TYPE,
    predicate: {
      serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: [...IGNORED_PATHS] },
      resources,
    },
  };
}
