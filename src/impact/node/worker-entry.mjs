// The file Piscina starts in each worker thread: the worker's TypeScript runs through tsx, as the CLI does.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
