'use strict';
// MessagePort, MessageChannel, MessageEvent, BroadcastChannel and receiveMessageOnPort.
//
// A MessagePort is made in C++ (internalBinding('messaging')); its prototype chain is spliced
// onto NodeEventTarget here, as node does, and C++ calls back into this file when a port is
// created (oninit), when a message arrives (emitMessage) and when it has closed (onclose).
// A port keeps the loop alive only while it has 'message' listeners (or after ref()).

const messaging = internalBinding('messaging');
const { MessagePort } = messaging;
const {
  Event, EventTarget, NodeEventTarget, initNodeEventTarget, defineEventHandler, kCreateEvent,
  kNewListener, kRemoveListener,
} = require('internal/event_target');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { customInspectSymbol } = require('internal/util');
// Registers how host objects made in JS (KeyObject, FileHandle, ...) travel in messages.
require('internal/worker/js_transferable');

const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kCurrentlyReceivingPorts = Symbol.for('nodejs.internal.kCurrentlyReceivingPorts');

let lazyDOMExceptionClass;
function lazyDOMException(message, name) {
  lazyDOMExceptionClass ??= require('internal/per_context/domexception').DOMException;
  return new lazyDOMExceptionClass(message, name);
}

function inspect(...args) {
  return require('internal/util/inspect').inspect(...args);
}

// markAsUntransferable(): such objects are copied even when listed in a transfer list.
const { isMarkedAsUntransferable, markAsUntransferable } = require('internal/buffer');

function typeErrorWithCode(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

// The native result [kind, message] as node's error (see CloneErrorKind in message_port.h).
function cloneError([kind, message]) {
  switch (kind) {
    case 2: return typeErrorWithCode(message, 'ERR_INVALID_TRANSFER_OBJECT');
    case 3: return typeErrorWithCode(message, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST');
    default: return lazyDOMException(message, 'DataCloneError');
  }
}

function transferIterableError() {
  return typeErrorWithCode('Optional transferList argument must be an iterable',
                           'ERR_INVALID_ARG_TYPE');
}

// postMessage's second argument: a transfer list (any iterable) or { transfer }.
function toTransferList(transfer) {
  if (transfer === undefined || transfer === null) return [];
  if (typeof transfer !== 'object' && typeof transfer !== 'function') {
    throw transferIterableError();
  }
  if (typeof transfer[Symbol.iterator] === 'function') {
    return transferables(transfer, transferIterableError);
  }
  const list = transfer.transfer;
  if (list === undefined) return [];
  return transferables(list, optionsTransferError);
}

function optionsTransferError() {
  return typeErrorWithCode('Optional options.transfer argument must be an iterable',
                           'ERR_INVALID_ARG_TYPE');
}

// The items of an iterable; one whose iterator is malformed is `notIterable()`.
function transferables(list, notIterable) {
  if (list === null || typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') {
    throw notIterable();
  }
  const iterator = list[Symbol.iterator]();
  if (iterator === null || typeof iterator !== 'object' || typeof iterator.next !== 'function') {
    throw notIterable();
  }
  const result = [];
  for (;;) {
    const step = iterator.next();
    if (step === null || typeof step !== 'object') throw notIterable();
    if (step.done) return result;
    if (!isMarkedAsUntransferable(step.value)) result.push(step.value);
  }
}

function checkPort(port) {
  if (!messaging.isPort(port)) {
    const err = new TypeError('Illegal invocation');
    throw err;
  }
}

// Posts through the native port; a closed port drops the message after checking it.
function postMessage(message, transfer) {
  checkPort(this);
  if (arguments.length === 0) {
    throw typeErrorWithCode('Not enough arguments to MessagePort.postMessage', 'ERR_MISSING_ARGS');
  }
  const error = messaging.postMessage(this, message, toTransferList(transfer));
  if (error === false) {
    process.emitWarning('The target port was posted to itself, and the communication ' +
                        'channel was lost');
  } else if (error !== undefined) {
    throw cloneError(error);
  }
}

function defineHook(target, key, fn) {
  Object.defineProperty(target, key, {
    __proto__: null, value: fn, writable: true, enumerable: true, configurable: true,
  });
}

// Counts 'message' listeners: the first one refs and starts the port, removing the last one
// stops and unrefs it (so an idle port never keeps the program alive).
function setupPortReferencing(port, eventEmitter, eventName) {
  port.unref();
  eventEmitter.on('newListener', function(name) {
    if (name === eventName) newListener(eventEmitter.listenerCount(name));
  });
  eventEmitter.on('removeListener', function(name) {
    if (name === eventName) removeListener(eventEmitter.listenerCount(name));
  });
  const origNewListener = eventEmitter[kNewListener];
  if (typeof origNewListener === 'function') {
    // Defined, not assigned: a frozen EventTarget.prototype must not get in the way.
    defineHook(eventEmitter, kNewListener, function(size, type, ...args) {
      if (type === eventName) newListener(size - 1);
      return Reflect.apply(origNewListener, this, [size, type, ...args]);
    });
  }
  const origRemoveListener = eventEmitter[kRemoveListener];
  if (typeof origRemoveListener === 'function') {
    defineHook(eventEmitter, kRemoveListener, function(size, type, ...args) {
      if (type === eventName) removeListener(size);
      return Reflect.apply(origRemoveListener, this, [size, type, ...args]);
    });
  }

  function newListener(size) {
    if (size === 0) {
      port.ref();
      messaging.start(port);
    }
  }

  // Without listeners the port stops taking messages off its queue: they wait for the next
  // listener instead of being dispatched to nobody.
  function removeListener(size) {
    if (size === 0) {
      messaging.stop(port);
      port.unref();
    }
  }
}

const asyncHooks = require('internal/async_hooks');
const kAsyncId = Symbol('kAsyncId');

// A MESSAGEPORT or WORKER resource for async_hooks (what why-is-node-running lists): init now,
// destroy when it closes. Nothing is done while no hook listens.
function emitResourceInit(resource, type) {
  if (asyncHooks.state.init === 0 && asyncHooks.state.destroy === 0) return;
  const asyncId = require('internal/timers').newAsyncId();
  // Not enumerable: util.inspect(port) stays as node's.
  Object.defineProperty(resource, kAsyncId, {
    __proto__: null, value: asyncId, writable: false, enumerable: false, configurable: true,
  });
  asyncHooks.emitInit(asyncId, type, asyncHooks.executionAsyncId(), resource);
}

function emitResourceDestroy(resource) {
  const asyncId = resource[kAsyncId];
  if (asyncId !== undefined) asyncHooks.emitDestroy(asyncId);
}

// C++ calls these with the port as `this`.
function oninit() {
  // Hooks see the port before its JS state exists, as in node.
  emitResourceInit(this, 'MESSAGEPORT');
  initNodeEventTarget(this);
  setupPortReferencing(this, this, 'message');
  this[kCurrentlyReceivingPorts] = undefined;
}

function emitMessage(data, ports, type) {
  this[kCurrentlyReceivingPorts] = ports;
  try {
    return this[kHybridDispatch](data, type, undefined);
  } finally {
    this[kCurrentlyReceivingPorts] = undefined;
  }
}

class MessagePortCloseEvent extends Event {
  constructor() {
    super('close');
  }
}

function onclose() {
  emitResourceDestroy(this);
  this.dispatchEvent(new MessagePortCloseEvent());
}

messaging.setCallbacks(oninit, emitMessage, onclose);

Object.setPrototypeOf(MessagePort, NodeEventTarget);
Object.setPrototypeOf(MessagePort.prototype, NodeEventTarget.prototype);

function defineMethod(target, name, fn) {
  Object.defineProperty(target, name, {
    __proto__: null, value: fn, writable: true, enumerable: true, configurable: true,
  });
}

defineMethod(MessagePort.prototype, 'postMessage', postMessage);
defineMethod(MessagePort.prototype, 'start', function start() {
  checkPort(this);
  messaging.start(this);
});
defineMethod(MessagePort.prototype, 'ref', function ref() {
  checkPort(this);
  messaging.ref(this);
});
defineMethod(MessagePort.prototype, 'unref', function unref() {
  checkPort(this);
  messaging.unref(this);
});
defineMethod(MessagePort.prototype, 'hasRef', function hasRef() {
  checkPort(this);
  return messaging.hasRef(this);
});
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');
defineMethod(MessagePort.prototype, 'close', function close(callback) {
  checkPort(this);
  if (typeof callback === 'function' && messaging.isOpen(this)) {
    this.once('close', () => callback());
  }
  messaging.close(this);
});
const createNodeEvent = NodeEventTarget.prototype[kCreateEvent];
Object.defineProperty(MessagePort.prototype, kCreateEvent, {
  __proto__: null,
  value: function(data, type) {
    // Other events a program emits on a port are NodeEventTarget's (CustomEvent with detail).
    if (type !== 'message' && type !== 'messageerror') {
      return Reflect.apply(createNodeEvent, this, [data, type]);
    }
    return new MessageEvent(type, { data, ports: this[kCurrentlyReceivingPorts] ?? [] });
  },
  writable: false, enumerable: false, configurable: false,
});
Object.defineProperty(MessagePort.prototype, customInspectSymbol, {
  __proto__: null,
  value: function inspectPort(depth, options) {
    if (!messaging.isPort(this)) return this;
    const state = messaging.isOpen(this) ?
      { active: true, refed: messaging.hasRef(this) } : { active: false };
    return Object.assign({ __proto__: MessagePort.prototype }, state, this);
  },
  writable: true, enumerable: false, configurable: true,
});

// Delivers every message already queued on `port` now (a worker's ports when it exits).
function drainMessagePort(port) {
  messaging.drain(port);
}

// A function rather than a class: called without `new` it throws node's error, not V8's.
function MessageChannel() {
  if (new.target === undefined) {
    const { ERR_CONSTRUCT_CALL_REQUIRED } = require('internal/errors').codes;
    throw new ERR_CONSTRUCT_CALL_REQUIRED();
  }
  const [port1, port2] = messaging.createChannel();
  this.port1 = port1;
  this.port2 = port2;
}

const kName = Symbol('kName');
const kHandle = Symbol('kHandle');
const kData = Symbol('kData');
const kOrigin = Symbol('kOrigin');
const kLastEventId = Symbol('kLastEventId');
const kSource = Symbol('kSource');
const kPorts = Symbol('kPorts');

function isMessageEvent(value) {
  return value !== null && typeof value === 'object' && kData in value;
}

class MessageEvent extends Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type);
    // A primitive init reads as {}; null throws as destructuring does (node's behaviour).
    const init = options === undefined ? {} : options === null ? options : Object(options);
    const {
      data = null, origin = '', lastEventId = '', source = null, ports = [],
    } = init;
    if (source !== null && !messaging.isPort(source)) {
      throw new ERR_INVALID_ARG_TYPE('init.source', 'MessagePort', source);
    }
    const portList = [...ports];
    for (let i = 0; i < portList.length; i++) {
      if (!messaging.isPort(portList[i])) {
        throw new ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort', portList[i]);
      }
    }
    this[kData] = data;
    this[kOrigin] = `${origin}`;
    this[kLastEventId] = `${lastEventId}`;
    this[kSource] = source;
    this[kPorts] = portList;
  }
}

for (const [name, key] of [['data', kData], ['origin', kOrigin], ['lastEventId', kLastEventId],
                           ['source', kSource], ['ports', kPorts]]) {
  Object.defineProperty(MessageEvent.prototype, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      if (!isMessageEvent(this)) throw new ERR_INVALID_THIS('MessageEvent');
      return this[key];
    },
  });
}

function receiveMessageOnPort(port) {
  // A BroadcastChannel reads from its own port.
  if (isBroadcastChannel(port)) port = port[kHandle];
  if (!messaging.isPort(port)) {
    throw typeErrorWithCode('The "port" argument must be a MessagePort instance',
                            'ERR_INVALID_ARG_TYPE');
  }
  const result = messaging.receive(port);
  if (result === undefined) return undefined;
  return { message: result[0] };
}

const kOnMessage = Symbol('kOnMessage');
const kOnMessageError = Symbol('kOnMessageError');

function isBroadcastChannel(value) {
  return value !== null && typeof value === 'object' && kName in value;
}

function dispatchFromHandle(type, data) {
  this.dispatchEvent(new MessageEvent(type, { data }));
}

// All channels of one name, in every thread, hear each other (not themselves).
class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    this[kName] = `${name}`;
    this[kHandle] = messaging.broadcastChannel(this[kName]);
    this[kOnMessage] = dispatchFromHandle.bind(this, 'message');
    this[kOnMessageError] = dispatchFromHandle.bind(this, 'messageerror');
    this[kHandle].on('message', this[kOnMessage]);
    this[kHandle].on('messageerror', this[kOnMessageError]);
  }

  get name() {
    if (!isBroadcastChannel(this)) throw new ERR_INVALID_THIS('BroadcastChannel');
    return this[kName];
  }

  close() {
    if (!isBroadcastChannel(this)) throw new ERR_INVALID_THIS('BroadcastChannel');
    const handle = this[kHandle];
    if (handle === undefined) return;
    handle.off('message', this[kOnMessage]);
    handle.off('messageerror', this[kOnMessageError]);
    this[kOnMessage] = undefined;
    this[kOnMessageError] = undefined;
    handle.close();
    this[kHandle] = undefined;
  }

  postMessage(message) {
    if (!isBroadcastChannel(this)) throw new ERR_INVALID_THIS('BroadcastChannel');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this[kHandle] === undefined) {
      throw lazyDOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    const error = messaging.postMessage(this[kHandle], message, []);
    if (error !== undefined) throw cloneError(error);
  }

  ref() {
    if (!isBroadcastChannel(this)) throw new ERR_INVALID_THIS('BroadcastChannel');
    this[kHandle]?.ref();
    return this;
  }

  unref() {
    if (!isBroadcastChannel(this)) throw new ERR_INVALID_THIS('BroadcastChannel');
    this[kHandle]?.unref();
    return this;
  }

  [customInspectSymbol](depth, options) {
    if (!isBroadcastChannel(this)) throw new ERR_INVALID_THIS('BroadcastChannel');
    if (depth < 0) return 'BroadcastChannel';
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BroadcastChannel ${inspect({
      name: this[kName],
      active: this[kHandle] !== undefined,
    }, opts)}`;
  }
}

for (const name of ['name', 'close', 'postMessage', 'ref', 'unref']) {
  const descriptor = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, name);
  descriptor.enumerable = true;
  Object.defineProperty(BroadcastChannel.prototype, name, descriptor);
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

function moveMessagePortToContext(port) {
  const { ERR_CLOSED_MESSAGE_PORT, ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
  if (messaging.isPort(port) && !messaging.isOpen(port)) throw new ERR_CLOSED_MESSAGE_PORT();
  throw new ERR_NOT_IMPLEMENTED('worker_threads.moveMessagePortToContext');
}

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessageEvent,
  MessagePort,
  drainMessagePort,
  isMarkedAsUntransferable,
  markAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  setupPortReferencing,
  toTransferList,
  cloneError,
  emitResourceInit,
  emitResourceDestroy,
};
