/**
 * What differs by kind of store, answered here, so that the verbs ask what a
 * repository can do instead of testing its kind: where a version is served from
 * (object storage's storageUri), whether it is a folder MLServer reads directly
 * (a model volume: --reload-url, leftovers of interrupted runs), how a dry run
 * describes the write, and what a host needs before the API can be used.
 */
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import type { Env } from '../process.js';
import type { Repository } from './repository.js';
import { workFolders } from './folder.js';
import { storageUriOf } from './s3.js';

export interface RepositoryCapabilities {
  /** A folder on this machine that MLServer reads directly (a model volume): it can be asked to reload. */
  localFolder?: string;
  /** The URI KServe's or Seldon Core's storage initializer reads a version folder from (object storage only). */
  storageUri?: (folder: string) => string;
  /** What a dry run says the write would be: "push to  <url> <where>", or a folder's "write to <path> (atomically)". */
  describeWrite(where: string, via: string): string;
  /** Folders that interrupted runs left behind, for `list` to mention. */
  leftovers(modelsPath: string): Promise<Array<{ path: string; ageMs: number }>>;
  /** Things worth saying before publishing (a GitLab job token pushing over git). */
  notices(input: { via: string; review: boolean; env: Env }): string[];
  /** --via api and --review talk to a host's API: refused, with why, where there is none. */
  assertApiReachable(input: { via: string; review: boolean }): void;
}

export function capabilitiesOf(repository: Repository): RepositoryCapabilities {
  const local = repository.target === 'folder' ? repository.url : undefined;
  return {
    localFolder: local,
    storageUri: repository.target === 's3' ? (folder) => storageUriOf(repository.url, folder) : undefined,
    describeWrite: (where, via) => (local ? `write to ${repository.url} (atomically)` : `push to  ${repository.url} ${where}${via === 'api' ? ', through the host API' : ''}`),
    leftovers: async (modelsPath) => (local ? workFolders(path.join(local, modelsPath)) : []),
    notices: ({ via, review, env }) =>
      repository.hostKind === 'gitlab' && repository.credentials?.token && repository.credentials.token === env.CI_JOB_TOKEN && via === 'git' && !review
        ? ['publish: pushing with this job\'s CI_JOB_TOKEN works only where the model repository allows it (Settings > CI/CD > Job token permissions: add this project and allow Git push requests); the push will tell']
        : [],
    assertApiReachable: ({ via, review }) => {
      if ((via === 'api' || review) && !repository.isHttp) {
        throw new ReleaseError('EUSAGE', '--via api and --review talk to a GitHub or GitLab API: --repo must be that host\'s https URL');
      }
    },
  };
}

/** `{ storageUri }` for a result, where the store serves one (object storage), else nothing. */
export function storageUriField(repository: Repository, folder: string): { storageUri?: string } {
  const uri = capabilitiesOf(repository).storageUri?.(folder);
  return uri ? { storageUri: uri } : {};
}
