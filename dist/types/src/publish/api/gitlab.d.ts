import type { HostApi } from './types.js';
export type GitlabTokenKind = 'private' | 'oauth' | 'job';
export declare function gitlabApi(options: {
    host: string;
    project: string;
    token?: string;
    tokenKind: GitlabTokenKind;
}): HostApi;
