/**
 * Reading and writing the manifests files rollout edits. A manifests repository
 * is written by people and other tools, so its YAML is hostile input: a syntax
 * error, two documents where one is expected, `spec: null` or a field of the
 * wrong type is EMANIFEST (exit 4) naming the file, never a crash.
 */
import YAML, { type Document } from 'yaml';
import { ReleaseError } from '../errors.js';

/** Every document of `text`, or EMANIFEST naming the first YAML error with its line. */
export function parseManifestDocuments(text: string, file: string): Document[] {
  const docs = YAML.parseAllDocuments(text, { prettyErrors: false }) as Document[] | YAML.EmptyStream;
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      throw new ReleaseError('EMANIFEST', `${file} is not valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ''}: ${error.message.split('\n')[0]}`);
    }
  }
  // A document that is empty, or a comment only, holds nothing to edit.
  return list.filter((doc) => doc.contents !== null);
}

/** One document, as a KServe InferenceService file holds. */
export function parseSingleManifest(text: string, file: string): Document | undefined {
  const docs = parseManifestDocuments(text, file);
  if (docs.length > 1) throw new ReleaseError('EMANIFEST', `${file} holds ${docs.length} YAML documents; the tool manages a file with one InferenceService, so it is left alone`);
  const doc = docs[0];
  if (doc && !YAML.isMap(doc.contents)) throw new ReleaseError('EMANIFEST', `${file} does not hold a YAML mapping (a Kubernetes object); it is left alone`);
  return doc;
}

/** Documents joined into one file: exactly one `---` between two documents, however often it is rewritten. */
export function stringifyDocuments(docs: Document[]): string {
  return docs.map((doc, index) => {
    const text = String(doc).replace(/^---[ \t]*\n/, '');
    return index === 0 ? text : `---\n${text}`;
  }).join('');
}

/**
 * Runs an edit of an existing manifest: what the YAML library throws on a
 * document of the wrong shape (`spec: null` where a mapping is needed) becomes
 * EMANIFEST naming the file; the tool's own refusals pass through.
 */
export function editManifest<T>(file: string, edit: () => T): T {
  try {
    return edit();
  } catch (error) {
    if (error instanceof ReleaseError) throw error;
    throw new ReleaseError('EMANIFEST', `${file} cannot be edited: ${(error as Error).message}`, ['a field the tool sets holds a value of another shape (for example `spec: null`); fix or remove it']);
  }
}

/** A field read from a manifest, when it is a string. */
export function textAt(doc: Document, path: string[]): string | undefined {
  const value = doc.getIn(path);
  return typeof value === 'string' ? value : undefined;
}
