import { openNodeDatabase } from '/work/wt/i13/src/db/node-duckdb.ts';
const db = await openNodeDatabase();
const enc = (s: string) => new TextEncoder().encode(s);
async function t(label: string, text: string, cols = "{'a':'VARCHAR','b':'INTEGER'}", extra = '') {
  await db.registerFile('f.csv', enc(text));
  try {
    await db.query('DROP TABLE IF EXISTS reject_errors'); await db.query('DROP TABLE IF EXISTS reject_scans');
    await db.query(`CREATE OR REPLACE TABLE x AS SELECT * FROM read_csv('f.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns=${cols}, store_rejects=true ${extra})`);
    const rows = await db.query('SELECT rowid, * FROM x');
    const rej = await db.query('SELECT line, line_byte_position, byte_position, column_name, error_type, error_message FROM reject_errors');
    console.log(label, JSON.stringify(rows), JSON.stringify(rej));
  } catch (e) { console.log(label, 'ERR', String(e).slice(0, 200)); }
}
await t('blank-then-bad', 'a,b\n1,2\n\n\n3,x\n4,5\n');
await t('qnl-then-bad', 'a,b\n"1\n\n1",2\n3,x\n4,5\n');
await t('mixed-nonstrict', 'a,b\r\n1,2\r\n3,4\n5,6\r\n', undefined, ', strict_mode=false');
await t('mixed-nl-crlf', 'a,b\r\n1,2\r\n3,4\n5,6\r\n', undefined, ", new_line='\\r\\n'");
await t('lf-then-crlf', 'a,b\n1,2\n3,4\r\n5,6\r\n', undefined, '');
await t('cr-only', 'a,b\r1,2\r3,4\r', undefined, '');
await t('two-bad-in-row', 'a,b\n1,x\n', "{'a':'INTEGER','b':'INTEGER'}");
await t('stray-quote-nonstrict', 'a,b\n"1"x,2\n3,4\n', undefined, ', strict_mode=false');
await t('stray-quote', 'a,b\n"1"x,2\n3,4\n', undefined, '');
await t('int-space', 'a,b\n1, 7 \n3,+4\n5,1e3\n6,2.0\n', undefined, '');
await t('strictfalse-unclosed', 'a,b\n"1,2\n3,4\n5,6\n', undefined, ', strict_mode=false');
