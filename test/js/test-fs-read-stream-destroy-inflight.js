'use strict';
// A ReadStream destroyed while its next read is in flight: the read's result is dropped, so the
// stream never ends and an async iterator sees the premature close (as node).
const fs = require('fs');
const file = __filename;
async function run(label, opts) {
  const rs = fs.createReadStream(file, opts);
  let chunks = 0;
  try {
    for await (const c of rs) { chunks++; rs.destroy(); }
    console.log(label, 'ended', chunks, rs.readableEnded);
  } catch (e) { console.log(label, e.code, chunks, rs.readableEnded); }
}
(async () => {
  await run('small', {});
  await run('tiny hwm', { highWaterMark: 16 });
  const rs = fs.createReadStream(file, { highWaterMark: 16 });
  rs.on('data', () => { rs.close(); });
  rs.on('end', () => console.log('end event after close'));
  rs.on('close', () => console.log('close', rs.readableEnded));
})();
