// Entry of the analysis workers in development and tests: TypeScript is loaded through tsx, as in
// the main thread. The compiled server (npm run build:server) writes its own file of this name.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./analysis-worker.ts');
export default worker.default;
