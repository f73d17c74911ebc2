'use strict';
// perf_hooks: 'http' entries — HttpRequest (server: request to response finish) and
// HttpClient (ClientRequest: creation to response), with node's detail objects; none are made
// before an observer watches 'http' or after it disconnects.
const http = require('http');
const util = require('util');
const { PerformanceObserver } = require('perf_hooks');

let seen = [];
let onEntries = null;
const obs = new PerformanceObserver((list) => {
  seen.push(...list.getEntries());
  if (onEntries) onEntries();
});

let onServerDone = null;
const server = http.createServer((req, res) => {
  res.setHeader('X-Answer', '42');
  res.on('close', () => onServerDone());
  res.end('hi');
});

// Calls done once the client read the response and the server closed it.
function get(path, done) {
  let left = 2;
  const one = () => {
    if (--left === 0) setImmediate(done);
  };
  onServerDone = one;
  http.get({ port: server.address().port, host: '127.0.0.1', path, agent: false,
             headers: { 'X-Asked': path } }, (res) => {
    res.resume();
    res.on('end', one);
  });
}

function show(entry) {
  const detail = JSON.parse(JSON.stringify(entry.detail));
  delete detail.req.headers.host;
  delete detail.res.headers.date;
  console.log(entry.constructor.name, entry.name, entry.entryType,
              typeof entry.startTime, entry.duration >= 0,
              Object.getPrototypeOf(entry.detail.res.headers) === null,
              Object.getPrototypeOf(entry.detail.req.headers) === null);
  console.log(util.inspect(detail, { depth: 4, sorted: true }));
  console.log(Object.keys(entry.toJSON()));
}

server.listen(0, '127.0.0.1', () => {
  get('/before', () => {
    obs.observe({ type: 'http' });
    onEntries = () => {
      if (seen.length < 2) return;
      onEntries = null;
      seen.sort((a, b) => (a.name < b.name ? -1 : 1)).forEach(show);
      obs.disconnect();
      seen = [];
      get('/after', () => {
        setImmediate(() => {
          console.log('after disconnect:', seen.length);
          server.close();
        });
      });
    };
    get('/observed?x=1', () => {});
  });
});
