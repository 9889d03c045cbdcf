import { type HostApi } from './types.js';
export declare function githubApi(options: {
    apiUrl: string;
    owner: string;
    repo: string;
    token?: string;
}): HostApi;
