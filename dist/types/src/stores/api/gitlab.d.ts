import { type HostApi } from './types.js';
export type GitlabTokenKind = 'private' | 'oauth' | 'job';
export interface GitlabApiOptions {
    /** The instance root, e.g. https://gitlab.example.com or https://host/gitlab for a relative-URL install. */
    host: string;
    /** group/subgroup/project, relative to the instance root. */
    project: string;
    token?: string;
    tokenKind: GitlabTokenKind;
    timeoutMs: number;
}
export declare function gitlabApi(options: GitlabApiOptions): HostApi;
