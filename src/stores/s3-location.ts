/**
 * Where an object-storage store is: `s3://bucket/prefix`, checked before anything
 * is opened, and the storageUri KServe's and Seldon's storage initializers read a
 * published folder from.
 */
import { ReleaseError } from '../errors.js';
import { pathProblems } from '../publish/tree-paths.js';

export interface S3Location {
  bucket: string;
  prefix: string;
}

export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/s.exec(url);
  if (!match) throw new ReleaseError('EUSAGE', `--repo "${url}" is not an s3://bucket/prefix URL (bucket names are 3 to 63 lower-case letters, digits, dots and hyphens)`);
  // One trailing "/" is how people write a folder; anything else is taken literally and checked.
  const prefix = (match[2] ?? '').replace(/\/$/, '');
  const problems = prefixProblems(prefix);
  if (problems.length > 0) throw new ReleaseError('EUSAGE', `--repo "${JSON.stringify(url).slice(1, -1)}" has a prefix that cannot be used`, problems);
  return { bucket: match[1], prefix };
}

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
export function prefixProblems(prefix: string): string[] {
  if (prefix === '') return [];
  const shown = JSON.stringify(prefix);
  // The path rules first: they name "..", ".git", "a//b" and backslashes precisely.
  const problems = pathProblems(prefix);
  const unsafe = [...new Set(prefix.replace(/[A-Za-z0-9!\-_.*'()/]/g, ''))];
  if (unsafe.length > 0) {
    const named = unsafe.map((c) => (c === '?' || c === '#' ? `"${c}" (read as a URL's ${c === '?' ? 'query' : 'fragment'})` : JSON.stringify(c))).join(', ');
    problems.push(`the prefix ${shown} contains ${named}; keep to letters, digits, "/" and ! - _ . * ' ( )`);
  }
  return problems;
}

/** Where KServe's or Seldon's storage initializer reads a published folder from. */
export function storageUriOf(url: string, folder: string): string {
  const { bucket, prefix } = parseS3Url(url);
  return `s3://${bucket}/${prefix ? `${prefix}/` : ''}${folder}`;
}
