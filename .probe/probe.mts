import { openNodeDatabase } from '/work/wt/i13/src/db/node-duckdb.ts';
const db = await openNodeDatabase();
const enc = (s: string) => new TextEncoder().encode(s);
async function t(label: string, text: string, cols = "{'a':'VARCHAR','b':'VARCHAR'}", extra = '') {
  await db.registerFile('f.csv', enc(text));
  try {
    await db.query('DROP TABLE IF EXISTS reject_errors'); await db.query('DROP TABLE IF EXISTS reject_scans');
    const rows = await db.query(`SELECT * FROM read_csv('f.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns=${cols}, store_rejects=true ${extra})`);
    const rej = await db.query('SELECT line, column_name, error_type, error_message FROM reject_errors');
    console.log(label, JSON.stringify(rows), JSON.stringify(rej));
  } catch (e) { console.log(label, 'ERR', String(e).slice(0, 300)); }
}
await t('blank', 'a,b\n1,2\n\n3,4\n');
await t('mixed', 'a,b\r\n1,2\r\n3,4\n5,6\r\n');
await t('quotednl', 'a,b\n"x\ny",2\n3,4\n');
await t('tooMany', 'a,b\n1,2,3\n3,4\n');
await t('tooFew', 'a,b\n1\n3,4\n');
await t('unclosed', 'a,b\n"1,2\n3,4\n5,6\n');
await t('nul', 'a,b\n1\u0000x,2\n3,4\n');
await t('long', 'a,b\n' + 'x'.repeat(3_000_000) + ',2\n3,4\n');
await t('long-maxline', 'a,b\n' + 'x'.repeat(3_000_000) + ',2\n3,4\n', undefined, ', max_line_size=10000000');
await t('int', 'a,b\n1,x\n3, 4 \n', "{'a':'VARCHAR','b':'INTEGER'}");
await t('badutf', 'a,b\n1,\xff\n', undefined);
await t('rn', 'a,b\n1,2\n3,4\n', undefined, ", filename=true");
await t('nl-crlf', 'a,b\r\n1,2\r\n3,4\r\n', undefined, ", new_line='\\n'");
await t('empty', '', undefined);
await t('headeronly', 'a,b\n', undefined);
await t('padded', 'a,b\n SLT ,2\n', undefined);
await t('trailing blank lines', 'a,b\n1,2\n\n\n', undefined);
