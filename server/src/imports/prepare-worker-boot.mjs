// Entry of the import preparation worker thread: TypeScript is loaded through tsx, as in the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
