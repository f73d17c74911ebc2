'use strict';
// A TLSSocket destroyed by its AbortSignal emits 'error' (AbortError) before 'close', whether the
// signal was aborted before or after the socket was made.
const tls = require('tls');
const { getEventListeners } = require('events');

const done = [];
function watch(label, make) {
  const ac = new AbortController();
  if (label === 'aborted first') ac.abort();
  const socket = make(ac.signal);
  const events = [];
  console.log(label, 'abort listeners', getEventListeners(ac.signal, 'abort').length);
  socket.on('error', (err) => events.push(`error ${err.name}`));
  socket.on('close', () => {
    events.push('close');
    done.push(`${label}: ${events.join(', ')}`);
    if (done.length === 2) console.log(done.sort().join('\n'));
  });
  if (label === 'aborted later') ac.abort();
}

watch('aborted first', (signal) => new tls.TLSSocket(undefined, { signal }));
watch('aborted later', (signal) => new tls.TLSSocket(undefined, { signal }));
