/**
 * --help, made from the option table: the whole tool's, and each command's
 * (`mlserver-release promote --help` shows promote's options only).
 */
import { type Command, type OptionRow } from './options.js';
/** What each command does, with its usage line. */
export declare const COMMAND_USAGE: Record<Command, {
    usage: string;
    does: string;
}>;
export declare const EXIT_CODES_HELP = "Exit codes:\n  0  done: released, already published with identical content, listed, pruned, verified\n  1  unexpected error (a bug: please report it)\n  2  usage or bad input (options, model-settings.json, notebook, artifact, repo path)\n  3  the notebook failed (the executed notebook is kept)\n  4  publishing failed (remote, credentials, a version published with other content, unsafe store contents)\n  5  verification failed (not ready in time, wrong model or version, unexpected outputs)\n  6  the model does not load: MLServer's own loading code failed on the staged version (nothing published)\n  7  the quality gate failed (--require, --no-regression): nothing published, the executed notebook kept\n  130, 143  interrupted (SIGINT, SIGTERM): the notebook was stopped and temporary files removed\n";
/** The help line of one option: its flag, its values, what it does, its default and its env names. */
export declare function optionLine(row: OptionRow): string;
/** One command's help. */
export declare function commandHelp(command: Command): string;
/** The whole tool's help: every command and every option. */
export declare const HELP: string;
