import type { OptionsOf } from '../options.js';
import type { SignatureCheck } from '../results.js';
import type { VerbRuntime } from './types.js';
export declare function verifySignature(options: OptionsOf<'verify-signature'>, runtime?: VerbRuntime): Promise<SignatureCheck>;
