import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
let t=Date.now();
const db = new PGlite({ extensions: { pg_trgm } });
await db.waitReady;
console.log("ready ms", Date.now()-t, (await db.query("select version(), current_user")).rows);
t=Date.now();
await db.exec("create extension if not exists pg_trgm; create role coop_app nologin; create table t(id int8, ts timestamptz default now()); insert into t values (1);");
console.log((await db.query("select * from t")).rows, Date.now()-t);
const r = await db.query("update t set id = $1", [2]); console.log(r.affectedRows, r.rows);
await db.query("grant select on t to coop_app");
await db.query("set role coop_app");
console.log((await db.query("select current_user, (select rolsuper from pg_roles where rolname=current_user)")).rows);
try { await db.query("insert into t values (3)"); } catch(e){ console.log("err", e.message, e.code); }
await db.query("reset role");
console.log((await db.query("select current_user")).rows);
const d = await db.dumpDataDir("none"); console.log("dump bytes", d.size);
t=Date.now(); const db2 = new PGlite({ loadDataDir: d, extensions:{pg_trgm} }); await db2.waitReady; console.log("clone ms", Date.now()-t, (await db2.query("select * from t")).rows);
console.log(process.memoryUsage().rss/1e6);
