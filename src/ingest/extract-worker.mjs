// The entry of an extraction worker thread: plain JavaScript that registers the TypeScript loader
// (a worker does not inherit one registered through tsx's API, as bin/vigil.js does), then hands
// over the task functions.
import { register } from 'tsx/esm/api';

register();
const task = await import('./extract-task.ts');
export const parse = task.parse;
export const process = task.process;
