export interface S3Location {
    bucket: string;
    prefix: string;
}
export declare function parseS3Url(url: string): S3Location;
/**
 * What is wrong with an s3:// prefix. The prefix becomes part of every key and of
 * the storageUri that KServe's and Seldon's storage initializers copy from, and
 * promote copies its folders into git, so it follows the same rules as a tree path
 * (git's fsck rules: no empty, ".", ".." or ".git" component, no backslash) and
 * keeps to the characters AWS lists as safe in object keys ("Object key naming
 * guidelines": letters, digits and ! - _ . * ' ( ), plus "/"). That leaves out
 * "?" and "#", which every URL parser reads as query and fragment, "%", which
 * decoders expand, spaces, control characters and non-ASCII.
 */
export declare function prefixProblems(prefix: string): string[];
/** Where KServe's or Seldon's storage initializer reads a published folder from. */
export declare function storageUriOf(url: string, folder: string): string;
