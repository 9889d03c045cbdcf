import type { Env } from '../process.js';
import type { Repository } from './repository.js';
export interface RepositoryCapabilities {
    /** A folder on this machine that MLServer reads directly (a model volume): it can be asked to reload. */
    localFolder?: string;
    /** The URI KServe's or Seldon Core's storage initializer reads a version folder from (object storage only). */
    storageUri?: (folder: string) => string;
    /** What a dry run says the write would be: "push to  <url> <where>", or a folder's "write to <path> (atomically)". */
    describeWrite(where: string, via: string): string;
    /** Folders that interrupted runs left behind, for `list` to mention. */
    leftovers(modelsPath: string): Promise<Array<{
        path: string;
        ageMs: number;
    }>>;
    /** Things worth saying before publishing (a GitLab job token pushing over git). */
    notices(input: {
        via: string;
        review: boolean;
        env: Env;
    }): string[];
    /** --via api and --review talk to a host's API: refused, with why, where there is none. */
    assertApiReachable(input: {
        via: string;
        review: boolean;
    }): void;
}
export declare function capabilitiesOf(repository: Repository): RepositoryCapabilities;
/** `{ storageUri }` for a result, where the store serves one (object storage), else nothing. */
export declare function storageUriField(repository: Repository, folder: string): {
    storageUri?: string;
};
