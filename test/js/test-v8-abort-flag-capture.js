'use strict';
// v8.setFlagsFromString('--abort-on-uncaught-exception') alone never aborts (node needs its own
// command-line option too): a capture callback still takes the error, else it is reported.
const { spawnSync } = require('child_process');
const cases = {
  captured: "require('v8').setFlagsFromString('--abort-on-uncaught-exception'); process.setUncaughtExceptionCaptureCallback((e) => console.log('captured', e.message)); throw new Error('foo');",
  'captured then cleared': "require('v8').setFlagsFromString('--abort-on-uncaught-exception'); process.setUncaughtExceptionCaptureCallback(() => {}); process.setUncaughtExceptionCaptureCallback(null); try { throw new Error('caught'); } catch (e) { console.log('try/catch still works:', e.message); } console.log('done');",
  'caught exception': "require('v8').setFlagsFromString('--abort-on-uncaught-exception'); try { throw new Error('x'); } catch { console.log('caught fine'); }",
  'async captured': "require('v8').setFlagsFromString('--abort-on-uncaught-exception'); process.setUncaughtExceptionCaptureCallback((e) => console.log('captured', e.message)); setTimeout(() => { throw new Error('later'); }, 1);",
};
for (const [name, code] of Object.entries(cases)) {
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  console.log(name, '| status', r.status, 'signal', r.signal, '|', r.stdout.trim());
}
const r = spawnSync(process.execPath, ['-e', "require('v8').setFlagsFromString('--abort-on-uncaught-exception'); throw new Error('boom')"], { encoding: 'utf8' });
console.log('uncaught without capture | status', r.status, 'signal', r.signal, '|', /Error: boom/.test(r.stderr));
