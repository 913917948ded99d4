import { PGlite } from '@electric-sql/pglite';

let t = performance.now();
const db = new PGlite();
await db.waitReady;
console.log('memory init', (performance.now() - t).toFixed(0), 'ms', process.memoryUsage().rss >> 20, 'MB');
t = performance.now();
const dump = await db.dumpDataDir('none');
console.log('dump', (performance.now() - t).toFixed(0), dump.size);
t = performance.now();
const db2 = new PGlite({ loadDataDir: dump });
await db2.waitReady;
console.log('load from dump', (performance.now() - t).toFixed(0), 'ms', process.memoryUsage().rss >> 20, 'MB');
const r = await db2.query(`select to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24') as a, now()::text as b`);
console.log(r.rows);
