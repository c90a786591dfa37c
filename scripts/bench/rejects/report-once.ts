/**
 * Child process of `npm run bench -- rejets`: the full report of a file (`?rapport=csv`'s work,
 * rejectReport) on the database given, then its size, printed as `lignes=<n> octets=<n>`; the
 * parent reads this process's peak memory (/usr/bin/time).
 */
import { readFileSync, statSync } from 'node:fs';
import { openDatabase } from '../../../server/src/db/connection';
import { rejectReport } from '../../../server/src/imports/reject-report';

const [dbPath, file] = process.argv.slice(2);
const db = await openDatabase(dbPath!, { readOnly: true });
const report = await rejectReport(db, 'finess', readFileSync(file!), 'fichier-a-rejets.csv');
let lines = 0;
const text = readFileSync(report.path);
for (let i = 0; i < text.length; i++) if (text[i] === 10) lines++;
console.log(`lignes=${lines - 1} octets=${statSync(report.path).size}`);
report.dispose();
db.close();
