'use strict';
// How fs operations run. An operation is described once, as a Step (one binding call) or as a
// generator that yields Steps (an operation of several calls: open -> write... -> close, a tree
// walk); the same description then runs three ways:
//
//   runSync(op)          now; a failed call throws node's UVException into the generator
//   runCallback(op, cb)  cb(err) / cb(null) / cb(null, value) from the event loop, never before
//                        runCallback returns
//   runPromise(op)       a promise of the value
//
// A generator may also yield a promise (an async cp filter; the sync driver refuses those) or a
// Pause (rm's retry delay: a sleep when sync, a timer otherwise).
// Binding conventions (src/bindings/fs_req.h): the arguments, then the request slot (undefined
// and an error context object for a sync call, an FSReqCallback whose oncomplete(err, value)
// runs later, or kUsePromises for a promise), so every Step only lists its arguments.

const { FSReqCallback, kUsePromises } = internalBinding('fs');
const { UVException } = require('internal/errors');
const { sleep } = require('internal/util');

class Step {
  constructor(fn, args, map, self) {
    this.fn = fn;
    this.args = args;
    this.map = map;  // value => API value, or undefined
    this.self = self;
  }
}

const step = (fn, args, map) => new Step(fn, args, map, undefined);

class Pause {
  constructor(ms) {
    this.ms = ms;
  }

  then(resolve) {
    setTimeout(resolve, this.ms);
  }
}

const pause = (ms) => new Pause(ms);

const {
  state: asyncContext, bindToCurrent: bindToCurrentAsyncContext,
} = require('internal/async_context_frame');

// Calls the binding method of `s` with `req` (and `ctx`) after its arguments.
function invoke(s, req, ctx) {
  const { fn, self, args: a } = s;
  switch (a.length) {
    case 0: return fn.call(self, req, ctx);
    case 1: return fn.call(self, a[0], req, ctx);
    case 2: return fn.call(self, a[0], a[1], req, ctx);
    case 3: return fn.call(self, a[0], a[1], a[2], req, ctx);
    case 4: return fn.call(self, a[0], a[1], a[2], a[3], req, ctx);
    case 5: return fn.call(self, a[0], a[1], a[2], a[3], a[4], req, ctx);
    default: return fn.call(self, ...a, req, ctx);
  }
}

// An error made from a failed call's context, as node's uvException.
const uvError = (ctx) => UVException(ctx);

function callSync(s) {
  const ctx = {};
  const value = invoke(s, undefined, ctx);
  if (ctx.errno !== undefined) throw uvError(ctx);
  return s.map === undefined ? value : s.map(value);
}

function runSync(op) {
  if (op instanceof Step) return callSync(op);
  let failed = false;
  let input;
  for (;;) {
    const { done, value } = failed ? op.throw(input) : op.next(input);
    if (done) return value;
    failed = false;
    try {
      if (value instanceof Pause) {
        sleep(value.ms);
        input = undefined;
        continue;
      }
      if (!(value instanceof Step)) throw new TypeError('fs: an asynchronous step in a sync call');
      input = callSync(value);
    } catch (err) {
      failed = true;
      input = err;
    }
  }
}

// Starts the binding call of `s`; then(failed, valueOrError) runs from the loop.
function callAsync(s, then) {
  const req = new FSReqCallback();
  req.oncomplete = (err, value) => {
    if (err) return then(true, err);
    if (s.map === undefined) return then(false, value);
    let mapped;
    try {
      mapped = s.map(value);
    } catch (mapErr) {
      return then(true, mapErr);
    }
    then(false, mapped);
  };
  invoke(s, req);
}

// A callback's arguments, as node's: (err), (null) or (null, value).
function deliver(cb, err, value) {
  if (err) return cb(err);
  if (value === undefined) return cb(null);
  cb(null, value);
}

function runCallback(op, cb) {
  // A callback runs with the AsyncLocalStorage stores current when the call was made.
  if (asyncContext.enabled) cb = bindToCurrentAsyncContext(cb);
  if (op instanceof Step) {
    const req = new FSReqCallback();
    if (op.map === undefined) {
      req.oncomplete = (err, value) => deliver(cb, err, value);
    } else {
      const map = op.map;
      req.oncomplete = (err, value) => {
        if (err) return cb(err);
        let mapped;
        try {
          mapped = map(value);
        } catch (mapErr) {
          return cb(mapErr);
        }
        deliver(cb, null, mapped);
      };
    }
    invoke(op, req);
    return;
  }
  let started = false;
  const finish = (failed, result) => {
    if (!started) return process.nextTick(finish, failed, result);
    if (failed) cb(result);
    else deliver(cb, null, result);
  };
  const resume = (failed, input) => {
    let next;
    try {
      next = failed ? op.throw(input) : op.next(input);
    } catch (err) {
      return finish(true, err);
    }
    if (next.done) return finish(false, next.value);
    const { value } = next;
    if (value instanceof Step) {
      try {
        callAsync(value, resume);
      } catch (err) {
        resume(true, err);
      }
    } else {
      Promise.resolve(value).then((v) => resume(false, v), (e) => resume(true, e));
    }
  };
  resume(false, undefined);
  started = true;
}

function callPromise(s) {
  const promise = invoke(s, kUsePromises);
  return s.map === undefined ? promise : promise.then(s.map);
}

// (A Step's promise comes straight from the binding; a synchronous throw of the binding call is
// the caller's to turn into a rejection.)
function runPromise(op) {
  return op instanceof Step ? callPromise(op) : runGenerator(op);
}

async function runGenerator(op) {
  let failed = false;
  let input;
  for (;;) {
    const { done, value } = failed ? op.throw(input) : op.next(input);
    if (done) return value;
    failed = false;
    try {
      input = await (value instanceof Step ? callPromise(value) : value);
    } catch (err) {
      failed = true;
      input = err;
    }
  }
}

// Names and lengths a generated function as node's.
function named(fn, name, length) {
  Object.defineProperty(fn, 'name', { __proto__: null, value: name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: length });
  return fn;
}

module.exports = {
  Step,
  deliver,
  named,
  pause,
  runCallback,
  runPromise,
  runSync,
  step,
  uvError,
};
