'use strict';
// process.setuid/setgid/seteuid/setegid/setgroups/initgroups. While the loop runs on io_uring
// they refuse, as node does when its libuv uses io_uring (CVE-2024-22017): the ring's kernel
// workers keep the credentials the ring was created with, so dropping privileges would not
// drop them for file operations.

const credentials = internalBinding('credentials');
const { backend } = internalBinding('process_methods');
const { getSystemErrorName } = require('internal/util');

const kUnknownUser = 1;
const kUnknownGroup = 2;

function validateId(id, name) {
  const { validateUint32 } = require('internal/validators');
  if (typeof id === 'number') {
    validateUint32(id, name);
  } else if (typeof id !== 'string') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
  }
}

function refuseOnRing(syscall) {
  if (backend !== 'io_uring') return;
  // node throws this one natively: a plain Error carrying the code.
  const error = new Error(`${syscall}() disabled: io_uring may be enabled. See CVE-2024-22017.`);
  error.code = 'ERR_INVALID_STATE';
  throw error;
}

// node's native ErrnoException: "EPERM, Operation not permitted" with a positive errno.
function throwSystemError(result, syscall) {
  const code = getSystemErrorName(result);
  const error = new Error(`${code}, ${credentials.strerror(-result)}`);
  error.errno = -result;
  error.code = code;
  error.syscall = syscall;
  throw error;
}

function check(result, syscall, describeUnknown) {
  if (result === 0) return;
  if (result < 0) throwSystemError(result, syscall);
  const { ERR_UNKNOWN_CREDENTIAL } = require('internal/errors').codes;
  throw new ERR_UNKNOWN_CREDENTIAL(...describeUnknown(result));
}

function idSetter(syscall, kind) {
  return function(id) {
    validateId(id, 'id');
    refuseOnRing(syscall);
    check(credentials[syscall](id), syscall, () => [kind, id]);
  };
}

function setgroups(groups) {
  const { validateArray } = require('internal/validators');
  validateArray(groups, 'groups');
  for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
  refuseOnRing('setgroups');
  check(credentials.setgroups(groups), 'setgroups',
        (result) => ['Group', groups[result - kUnknownGroup - 1]]);
}

function initgroups(user, extraGroup) {
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  refuseOnRing('initgroups');
  check(credentials.initgroups(user, extraGroup), 'initgroups',
        (result) => (result === kUnknownUser ? ['User', user] : ['Group', extraGroup]));
}

module.exports = {
  setuid: idSetter('setuid', 'User'),
  seteuid: idSetter('seteuid', 'User'),
  setgid: idSetter('setgid', 'Group'),
  setegid: idSetter('setegid', 'Group'),
  setgroups,
  initgroups,
};
