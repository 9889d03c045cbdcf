/**
 * The commit author every writing verb uses. The options already hold what the
 * env said (GIT_USER_NAME and GIT_USER_EMAIL are the table's aliases, read in
 * read-options); what is left is the table's documented default.
 */
import { optionRow } from '../options.js';
import type { Identity } from '../git.js';

export function commitAuthor(options: { gitUserName?: string; gitUserEmail?: string }): Identity {
  return {
    name: options.gitUserName || optionRow('git-user-name')!.default!,
    email: options.gitUserEmail || optionRow('git-user-email')!.default!,
  };
}
