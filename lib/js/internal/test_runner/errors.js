'use strict';
// ERR_TEST_FAILURE and the failure kinds the runner and its reporters share.

const { E, codes } = require('internal/errors');

if (codes.ERR_TEST_FAILURE === undefined) {
  // The wrapped value stays reachable as `cause`; the message is the original one, as node's.
  E('ERR_TEST_FAILURE', function(error, failureType) {
    Object.defineProperty(this, 'failureType', {
      __proto__: null, value: failureType, enumerable: true, writable: true, configurable: true,
    });
    Object.defineProperty(this, 'cause', {
      __proto__: null, value: error, enumerable: true, writable: true, configurable: true,
    });
    if (typeof error === 'string') return error;
    if (error !== null && typeof error === 'object' && typeof error.message === 'string') {
      return error.message;
    }
    return require('util').inspect(error);
  }, Error);
}

const failureTypes = {
  kCallbackAndPromisePresent: 'callbackAndPromisePresent',
  kCancelledByParent: 'cancelledByParent',
  kAborted: 'testAborted',
  kHookFailure: 'hookFailed',
  kMultipleCallbackInvocations: 'multipleCallbackInvocations',
  kParentAlreadyFinished: 'parentAlreadyFinished',
  kSubtestsFailed: 'subtestsFailed',
  kTestCodeFailure: 'testCodeFailure',
  kTestTimeoutFailure: 'testTimeoutFailure',
  kUncaughtException: 'uncaughtException',
  kUnhandledRejection: 'unhandledRejection',
};

// Failures whose reports show the user's own error (message, stack, code) rather than ours.
const kUnwrapErrors = new Set([
  failureTypes.kTestCodeFailure, failureTypes.kHookFailure,
  failureTypes.kUncaughtException, failureTypes.kUnhandledRejection,
]);

const ownFailures = new WeakSet();

function testFailure(error, failureType) {
  const failure = new codes.ERR_TEST_FAILURE(error, failureType);
  ownFailures.add(failure);
  return failure;
}

function isTestFailure(value) {
  return value !== null && typeof value === 'object' && ownFailures.has(value);
}

module.exports = { failureTypes, isTestFailure, kUnwrapErrors, testFailure };
