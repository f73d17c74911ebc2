'use strict';
// node:worker_threads. Workers are threads with their own isolate and event loop
// (internalBinding('worker'), lib/js/internal/worker/); ports carry structured clones between
// them (internalBinding('messaging'), internal/worker/io).

const {
  BroadcastChannel, MessageChannel, MessagePort, markAsUntransferable,
  moveMessagePortToContext, receiveMessageOnPort,
} = require('internal/worker/io');
const { Worker, SHARE_ENV } = require('internal/worker/worker');
const threadState = require('internal/worker/thread_state');

function setEnvironmentData(key, value) {
  if (value === undefined) threadState.environmentData.delete(key);
  else threadState.environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return threadState.environmentData.get(key);
}

function postMessageToThread() {
  const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
  throw new ERR_NOT_IMPLEMENTED('worker_threads.postMessageToThread');
}

module.exports = {
  isMainThread: threadState.isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: threadState.resourceLimits,
  postMessageToThread,
  threadId: threadState.threadId,
  SHARE_ENV,
  Worker,
  parentPort: threadState.parentPort,
  workerData: threadState.workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
