'use strict';
// process.setuid/setgid/seteuid/setegid/setgroups/initgroups, run in children: on the epoll
// backend they work as in node (ids, names, unknown names, argument errors, EPERM once
// privileges are dropped); on io_uring they refuse with ERR_INVALID_STATE as node does with
// UV_USE_IO_URING=1 (CVE-2024-22017). Needs root, as the CI machine is.
const { execFileSync } = require('child_process');

const script = `
function attempt(name, fn) {
  try { console.log(name, fn()); } catch (e) { console.log(name, e.name, e.code, e.message); }
}
attempt('setuid {}', () => process.setuid({}));
attempt('setuid -1', () => process.setuid(-1));
attempt('setgroups x', () => process.setgroups('x'));
attempt('setgroups [0, {}]', () => process.setgroups([0, {}]));
attempt('initgroups {}', () => process.initgroups({}, 0));
attempt('setuid unknown', () => process.setuid('no-such-user-xyz'));
attempt('setgid unknown', () => process.setgid('no-such-group-xyz'));
attempt('setgroups unknown', () => process.setgroups([0, 'no-such-group-xyz']));
attempt('initgroups unknown', () => process.initgroups('root', 'no-such-group-xyz'));
attempt('setgid', () => { process.setgid('nogroup'); return process.getgid(); });
attempt('setegid', () => { process.setegid(65534); return process.getegid(); });
attempt('setgroups', () => { process.setgroups([65534]); return process.getgroups(); });
attempt('initgroups', () => { process.initgroups('nobody', 65534); return process.getgroups().includes(65534); });
attempt('seteuid', () => { process.seteuid('nobody'); return process.geteuid(); });
attempt('setuid', () => { process.seteuid(0); process.setuid(65534); return [process.getuid(), process.geteuid()]; });
attempt('setuid back', () => process.setuid(0));
`;

for (const ring of ['0', '1']) {
  console.log(`-- io_uring ${ring}`);
  const env = { ...process.env, RINGJS_IO_URING: ring, UV_USE_IO_URING: ring };
  process.stdout.write(execFileSync(process.execPath, ['-e', script], { env }));
}
