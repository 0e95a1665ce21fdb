// Entry of the document worker (sandbox.ts): Vigil is TypeScript run through tsx, and a worker
// thread starts without the loader the CLI registered, so it registers it before loading the code.
import { register } from 'tsx/esm/api';

register();
await import('./convert-worker.ts');
