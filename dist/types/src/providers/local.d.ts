import type { Provider } from './types.js';
export declare const local: Provider;
