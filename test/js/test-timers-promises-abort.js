'use strict';
// timers/promises with an AbortSignal: already-aborted signals reject at once, aborting
// rejects with an AbortError whose cause is signal.reason and cancels the timer, the 'abort'
// listener is removed once the promise settles, stopImmediatePropagation by another listener
// does not starve ours, and the setInterval iterator ends with an AbortError.
const tp = require('timers/promises');
const { getEventListeners } = require('events');
const log = (s) => process.stdout.write(`${s}\n`);
const show = (e) => `${e.name} ${e.code} "${e.message}" cause=${e.cause instanceof Error ?
  `${e.cause.name}(${e.cause.message})` : JSON.stringify(e.cause)}`;

async function settle(name, promise) {
  try {
    log(`${name}: resolved ${await promise}`);
  } catch (e) {
    log(`${name}: rejected ${show(e)}`);
  }
}

async function main() {
  // Already aborted.
  const pre = AbortSignal.abort();
  await settle('timeout pre-aborted', tp.setTimeout(1, 'v', { signal: pre }));
  await settle('immediate pre-aborted', tp.setImmediate('v', { signal: pre }));
  await settle('wait pre-aborted', tp.scheduler.wait(1, { signal: AbortSignal.abort('why') }));
  try {
    await tp.setInterval(1, 'v', { signal: AbortSignal.abort({ custom: 1 }) }).next();
  } catch (e) {
    log(`interval pre-aborted: ${show(e)}`);
  }

  // Abort while pending: the timer is cancelled (the process would otherwise wait 30 s).
  {
    const ac = new AbortController();
    const p = tp.setTimeout(30000, 'v', { signal: ac.signal });
    log(`listeners while pending: ${getEventListeners(ac.signal, 'abort').length}`);
    setTimeout(() => ac.abort(new Error('stop')), 1);
    await settle('timeout aborted', p);
    log(`listeners after abort: ${getEventListeners(ac.signal, 'abort').length}`);
  }
  {
    const ac = new AbortController();
    const p = tp.setImmediate('v', { signal: ac.signal });
    ac.abort();
    await settle('immediate aborted synchronously', p);
  }
  {
    // Resolving removes the listener; a later abort changes nothing.
    const ac = new AbortController();
    await settle('timeout resolved', tp.setTimeout(1, 'ok', { signal: ac.signal }));
    log(`listeners after resolve: ${getEventListeners(ac.signal, 'abort').length}`);
    ac.abort();
    await settle('immediate resolved', tp.setImmediate('ok', { signal: ac.signal }));
  }
  {
    // Another listener stopping propagation first does not prevent the cancellation.
    const ac = new AbortController();
    ac.signal.addEventListener('abort', (ev) => {
      log('first listener stops propagation');
      ev.stopImmediatePropagation();
    });
    const p = tp.setTimeout(30000, 'v', { signal: ac.signal });
    ac.signal.addEventListener('abort', () => log('later user listener (not called)'));
    setImmediate(() => ac.abort());
    await settle('timeout with stopImmediatePropagation', p);
  }
  {
    // One signal shared by several timers.
    const ac = new AbortController();
    const all = Promise.allSettled([
      tp.setTimeout(30000, 'a', { signal: ac.signal }),
      tp.setImmediate('b', { signal: ac.signal }),
      tp.scheduler.wait(30000, { signal: ac.signal }),
    ]);
    ac.abort('all');
    log(`shared: ${(await all).map((r) => `${r.status}:${r.reason?.cause ?? r.value}`).join(' ')}`);
  }
  {
    // The interval iterator: abort while waiting for a tick, and while ticks are queued.
    const ac = new AbortController();
    const seen = [];
    try {
      for await (const v of tp.setInterval(1, 'iv', { signal: ac.signal })) {
        seen.push(v);
        if (seen.length === 2) setTimeout(() => ac.abort('enough'), 1);
      }
    } catch (e) {
      log(`interval aborted after ${seen.length} values: ${show(e)}`);
    }
    log(`listeners after interval: ${getEventListeners(ac.signal, 'abort').length}`);
  }
  {
    const ac = new AbortController();
    const it = tp.setInterval(1, 'q', { signal: ac.signal });
    await it.next();
    ac.abort();
    try {
      await it.next();
      log('next after abort resolved (wrong)');
    } catch (e) {
      log(`next after abort: ${show(e)}`);
    }
    log(`then: ${JSON.stringify(await it.next())}`);
  }
  // A signal-like object passes validation ('aborted' in it) and is used through
  // addEventListener/removeEventListener, as in node.
  {
    const calls = [];
    const fake = {
      aborted: false,
      addEventListener(type, fn, opts) { calls.push(`add ${type} once=${!!(opts && opts.once)}`); },
      removeEventListener(type) { calls.push(`remove ${type}`); },
    };
    await settle('fake signal', tp.setTimeout(1, 'f', { signal: fake }));
    log(`fake signal calls: ${calls.join(', ')}`);
  }
}

main().then(() => log('done'));
