/** `npm run build:server`: the compiled server of `npm start` (scripts/build-server/build-server.ts). */
import { REPO_ROOT } from './lib/paths';
import { buildServer } from './build-server/build-server';

const t0 = Date.now();
try {
  const { outDir, files } = await buildServer(REPO_ROOT);
  console.log(`Serveur compilé dans ${outDir} (${files.filter((f) => f.endsWith('.mjs')).length} fichiers, ${Date.now() - t0} ms).`);
} catch (err) {
  console.error(`Compilation du serveur impossible : ${(err as Error).message}`);
  process.exit(1);
}
