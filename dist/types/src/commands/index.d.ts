import type { Command, OptionsOf } from '../options.js';
import type { VerbResults } from '../results.js';
import type { VerbRuntime } from './types.js';
/** Runs one verb with options already read and checked (read-options.ts). */
export declare function runVerb<C extends Command>(command: C, options: OptionsOf<C>, runtime: VerbRuntime): Promise<VerbResults[C]>;
