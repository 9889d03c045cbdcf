/**
 * Reading and writing the manifests files rollout edits. A manifests repository
 * is written by people and other tools, so its YAML is hostile input: a syntax
 * error, two documents where one is expected, `spec: null` or a field of the
 * wrong type is EMANIFEST (exit 4) naming the file, never a crash.
 */
import { type Document } from 'yaml';
/** Every document of `text`, or EMANIFEST naming the first YAML error with its line. */
export declare function parseManifestDocuments(text: string, file: string): Document[];
/** One document, as a KServe InferenceService file holds. */
export declare function parseSingleManifest(text: string, file: string): Document | undefined;
/** Documents joined into one file: exactly one `---` between two documents, however often it is rewritten. */
export declare function stringifyDocuments(docs: Document[]): string;
/**
 * Runs an edit of an existing manifest: what the YAML library throws on a
 * document of the wrong shape (`spec: null` where a mapping is needed) becomes
 * EMANIFEST naming the file; the tool's own refusals pass through.
 */
export declare function editManifest<T>(file: string, edit: () => T): T;
/** A field read from a manifest, when it is a string. */
export declare function textAt(doc: Document, path: string[]): string | undefined;
