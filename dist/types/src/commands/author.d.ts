import type { Identity } from '../git.js';
export declare function commitAuthor(options: {
    gitUserName?: string;
    gitUserEmail?: string;
}): Identity;
