'use strict';
// REPL history kept in a file (replServer.setupHistory, and the CLI REPL with
// NODE_REPL_HISTORY): read once at setup, newest line first, and rewritten whole after each
// new line. Only a terminal REPL records history.

const fs = require('fs');
const os = require('os');
const path = require('path');

const kDisabled = '\nPersistent history support disabled. Set the NODE_REPL_HISTORY ' +
  'environment\nvariable to a valid, user-writable path to enable.\n';
const kNoHome = '\nError: Could not get the home directory.\n' +
  'REPL session history will not be persisted.\n';
const kCannotOpen = '\nError: Could not open history file.\n' +
  'REPL session history will not be persisted.\n';

function say(repl, message) {
  repl._writeToOutput(message);
  repl._refreshLine();
}

function setupHistory(repl, historyPath, ready) {
  if (typeof ready !== 'function') ready = () => {};
  const sizeFromEnv = Number(process.env.NODE_REPL_HISTORY_SIZE);
  if (!Number.isNaN(sizeFromEnv) && sizeFromEnv > 0 && process.env.NODE_REPL_HISTORY_SIZE) {
    repl.historySize = sizeFromEnv;
  }
  if (typeof historyPath === 'string') historyPath = historyPath.trim();
  if (historyPath === '' || !repl.terminal) {
    if (historyPath === '') say(repl, kDisabled);
    process.nextTick(ready, null, repl);
    return;
  }
  if (historyPath === undefined || historyPath === null) {
    try {
      historyPath = path.join(os.homedir(), '.node_repl_history');
    } catch {
      say(repl, kNoHome);
      say(repl, kDisabled);
      process.nextTick(ready, null, repl);
      return;
    }
  }

  fs.open(historyPath, 'a+', 0o600, (openError, fd) => {
    if (openError) {
      say(repl, kCannotOpen);
      say(repl, kDisabled);
      ready(null, repl);
      return;
    }
    fs.readFile(historyPath, 'utf8', (readError, data) => {
      if (!readError && data) {
        repl.history = data.split(/[\n\r]+/).filter((line) => line !== '')
          .slice(0, repl.historySize);
      }
      startWriting(repl, fd);
      ready(null, repl);
    });
  });
}

// Rewrites the file after each new history line; one write at a time, the newest state wins.
function startWriting(repl, fd) {
  let writing = false;
  let pending = false;
  let closed = false;
  repl._flushing = false;

  function write() {
    if (writing || closed && !pending) return;
    if (!pending) return;
    pending = false;
    writing = true;
    repl._flushing = true;
    const text = repl.history.join('\n');
    fs.ftruncate(fd, 0, () => {
      fs.write(fd, text, 0, 'utf8', () => {
        writing = false;
        if (pending) {
          write();
          return;
        }
        repl._flushing = false;
        repl.emit('flushHistory');
        if (closed) fs.close(fd, () => {});
      });
    });
  }

  repl.on('history', () => {
    pending = true;
    write();
  });
  repl.once('exit', () => {
    closed = true;
    if (!writing && !pending) fs.close(fd, () => {});
  });
  repl.historyManager = {
    flush() {
      if (pending && !writing) write();
    },
  };
}

module.exports = { setupHistory };
