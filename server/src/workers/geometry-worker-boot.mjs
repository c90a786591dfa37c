// Entry of the geometry worker thread: TypeScript is loaded through tsx, as in the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./geometry-worker.ts');
