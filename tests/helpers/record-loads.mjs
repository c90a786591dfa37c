// Preloaded with `node --import` (through NODE_OPTIONS): every module URL this process resolves is
// appended to the file MAILLAGE_LOAD_LOG names, so a test can say which files a start loaded.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { log: process.env.MAILLAGE_LOAD_LOG } });
