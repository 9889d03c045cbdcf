/**
 * Which values are secrets, from the option table: every home teaches its
 * redactor the same ones, before anything can print them.
 */
import { embeddedSecrets } from './stores/credentials.js';
import { AWS_SECRET_VARIABLES, credentialVariables, fieldName, optionsOf, urlVariables, type Command } from './options.js';
import type { Env } from './process.js';
import type { Redactor } from './redact.js';

/** Secrets in env, whatever the command: tokens, header values, passwords in URLs, the AWS SDK's keys. */
export function learnEnvSecrets(redactor: Redactor, env: Env): void {
  for (const name of [...credentialVariables(), ...AWS_SECRET_VARIABLES]) {
    const value = env[name];
    if (!value) continue;
    if (/VERIFY.HEADER/.test(name)) for (const line of value.split('\n')) redactor.add(headerValue(line));
    else redactor.add(value);
  }
  for (const name of urlVariables()) for (const secret of embeddedSecrets(env[name])) redactor.add(secret);
}

/** Secrets among a command's options, as read (argv, inputs or a library call). */
export function learnOptionSecrets(redactor: Redactor, command: Command, options: object): void {
  const values = options as Record<string, unknown>;
  for (const row of optionsOf(command)) {
    const value = values[fieldName(row)];
    if (value === undefined || !row.secret) continue;
    if (row.secret === 'value') redactor.add(String(value));
    else if (row.secret === 'header-values') for (const line of value as string[]) redactor.add(headerValue(line));
    else for (const secret of embeddedSecrets(String(value))) redactor.add(secret);
  }
}

function headerValue(line: string): string {
  return line.slice(line.indexOf(':') + 1).trim();
}
