'use strict';
// node:diagnostics_channel: named channels that publish messages to subscribers.
//
// A channel is a plain Channel until it gets a subscriber or a bound store; then its prototype
// becomes ActiveChannel's (as node does), so `channel.hasSubscribers` and `publish` on an idle
// channel cost one prototype lookup. The registry holds channels weakly: an idle channel nobody
// references can be collected, and `channel(name)` then makes a new one. An active channel is
// held strongly so its subscribers keep receiving.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { triggerUncaughtException } = internalBinding('errors');

// node's internal map class (its name shows in util.inspect of an active channel).
class SafeMap extends Map {}

// name -> { ref: WeakRef<Channel>, strong: Channel | undefined }.
const registry = new Map();
const collected = new FinalizationRegistry((name) => {
  const entry = registry.get(name);
  if (entry !== undefined && entry.ref.deref() === undefined) registry.delete(name);
});

function lookup(name) {
  return registry.get(name)?.ref.deref();
}

function register(name, channel) {
  registry.set(name, { ref: new WeakRef(channel), strong: undefined });
  collected.register(channel, name);
}

function holdStrongly(channel, hold) {
  const entry = registry.get(channel.name);
  if (entry !== undefined && entry.ref.deref() === channel) entry.strong = hold ? channel : undefined;
}

// A subscriber's exception must not stop the publisher: it is reported as uncaught on the next
// tick.
function reportLater(error) {
  process.nextTick(() => triggerUncaughtException(error, false));
}

function activate(channel) {
  Object.setPrototypeOf(channel, ActiveChannel.prototype);
  channel._subscribers = [];
  channel._stores = new SafeMap();
  holdStrongly(channel, true);
}

function deactivateIfIdle(channel) {
  if (channel._subscribers.length > 0 || channel._stores.size > 0) return;
  Object.setPrototypeOf(channel, Channel.prototype);
  channel._subscribers = undefined;
  channel._stores = undefined;
  holdStrongly(channel, false);
}

// Runs `next` inside store.run(transform(data)); a throwing transform skips its store.
function withStore(store, transform, data, next) {
  return () => {
    let context;
    try {
      context = transform === undefined ? data : transform(data);
    } catch (error) {
      reportLater(error);
      return next();
    }
    return store.run(context, next);
  };
}

class ActiveChannel {
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // Copy on write: a publish in progress keeps iterating the list it started with.
    this._subscribers = [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    const index = this._subscribers.indexOf(subscription);
    if (index === -1) return false;
    const next = [...this._subscribers];
    next.splice(index, 1);
    this._subscribers = next;
    deactivateIfIdle(this);
    return true;
  }

  bindStore(store, transform) {
    this._stores.set(store, transform);
  }

  unbindStore(store) {
    if (!this._stores.has(store)) return false;
    this._stores.delete(store);
    deactivateIfIdle(this);
    return true;
  }

  get hasSubscribers() {
    return true;
  }

  publish(data) {
    const subscribers = this._subscribers;
    for (let i = 0; i < subscribers.length; i++) {
      try {
        subscribers[i](data, this.name);
      } catch (error) {
        reportLater(error);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores) {
      run = withStore(store, transform, data, run);
    }
    return run();
  }
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    register(name, this);
  }

  // An active channel's prototype is ActiveChannel's; it is still a Channel.
  static [Symbol.hasInstance](instance) {
    const proto = Object.getPrototypeOf(instance);
    return proto === Channel.prototype || proto === ActiveChannel.prototype;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    activate(this);
    this.subscribe(subscription);
  }

  unsubscribe() {
    return false;
  }

  bindStore(store, transform) {
    activate(this);
    this.bindStore(store, transform);
  }

  unbindStore() {
    return false;
  }

  get hasSubscribers() {
    return false;
  }

  publish() {}

  runStores(data, fn, thisArg, ...args) {
    return Reflect.apply(fn, thisArg, args);
  }
}

function channel(name) {
  const existing = lookup(name);
  if (existing !== undefined) return existing;
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
  return new Channel(name);
}

function subscribe(name, subscription) {
  return channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

function hasSubscribers(name) {
  const existing = lookup(name);
  return existing === undefined ? false : existing.hasSubscribers;
}

const kTraceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const event of kTraceEvents) {
        defineEventChannel(this, event, channel(`tracing:${nameOrChannels}:${event}`));
      }
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const event of kTraceEvents) {
        const given = nameOrChannels[event];
        if (!(given instanceof Channel)) {
          throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`, ['Channel'], given);
        }
        defineEventChannel(this, event, given);
      }
    } else {
      throw new ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'object', 'TracingChannel'],
                                     nameOrChannels);
    }
  }

  get hasSubscribers() {
    return this.start.hasSubscribers || this.end.hasSubscribers ||
      this.asyncStart.hasSubscribers || this.asyncEnd.hasSubscribers ||
      this.error.hasSubscribers;
  }

  subscribe(handlers) {
    for (const event of kTraceEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let all = true;
    for (const event of kTraceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) all = false;
    }
    return all;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { end, error } = this;
    return this.start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { end, asyncStart, asyncEnd, error } = this;
    const onFulfilled = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    const onRejected = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    return this.start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(onFulfilled, onRejected);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function tracedCallback(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      // Through runStores, so stores bound to asyncStart see the callback run in their context.
      asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, tracedCallback);
    return this.start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function defineEventChannel(tracing, event, value) {
  Object.defineProperty(tracing, event, { __proto__: null, value });
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
