'use strict';
// node:worker_threads. ringjs runs one thread: the main-thread view is real (isMainThread,
// threadId 0, no parentPort or workerData, environment data); creating workers and message
// ports is not implemented yet.

const { notImplemented } = require('internal/not_implemented');

const environmentData = new Map();

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

const untransferable = new WeakSet();

function markAsUntransferable(object) {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
  untransferable.add(object);
}

function isMarkedAsUntransferable(object) {
  return (typeof object === 'object' || typeof object === 'function') && object !== null &&
    untransferable.has(object);
}

function notImplementedClass(name) {
  return class {
    constructor() {
      throw notImplemented(`worker_threads.${name}`);
    }
  };
}

function notImplementedFunction(name) {
  return function() {
    throw notImplemented(`worker_threads.${name}`);
  };
}

module.exports = {
  isMainThread: true,
  MessagePort: notImplementedClass('MessagePort'),
  MessageChannel: notImplementedClass('MessageChannel'),
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext: notImplementedFunction('moveMessagePortToContext'),
  receiveMessageOnPort: notImplementedFunction('receiveMessageOnPort'),
  resourceLimits: {},
  postMessageToThread: notImplementedFunction('postMessageToThread'),
  threadId: 0,
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker: notImplementedClass('Worker'),
  parentPort: null,
  workerData: null,
  BroadcastChannel: notImplementedClass('BroadcastChannel'),
  setEnvironmentData,
  getEnvironmentData,
};
