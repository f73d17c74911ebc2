'use strict';
// emitKeypressEvents(stream): once something listens for 'keypress', the stream's 'data' is
// decoded (utf8) and split into keys: 'keypress' (s, key) with key = { sequence, name, ctrl,
// meta, shift }. Escape sequences (arrows, home/end, delete, function keys, with modifiers)
// are recognised when a chunk holds them whole; s is undefined for them, as in node.

const { StringDecoder } = require('string_decoder');

const kKeypressDecoder = Symbol('keypress-decoder');
// Set on the interface for each chunk: whether it held a single typed key.
const kSawKeyPress = Symbol('_sawKeyPress');

const kCsiFinal = {
  __proto__: null,
  A: 'up', B: 'down', C: 'right', D: 'left', E: 'clear', F: 'end', H: 'home',
  P: 'f1', Q: 'f2', R: 'f3', S: 'f4', Z: 'tab',
};
const kCsiTilde = {
  __proto__: null,
  1: 'home', 2: 'insert', 3: 'delete', 4: 'end', 5: 'pageup', 6: 'pagedown', 7: 'home', 8: 'end',
  11: 'f1', 12: 'f2', 13: 'f3', 14: 'f4', 15: 'f5', 17: 'f6', 18: 'f7', 19: 'f8', 20: 'f9',
  21: 'f10', 23: 'f11', 24: 'f12',
};

function makeKey(sequence, name, ctrl = false, meta = false, shift = false) {
  return { sequence, name, ctrl, meta, shift };
}

// The key for one plain character (escaped: it followed an ESC, so meta is set).
function charKey(ch, escaped) {
  const sequence = escaped ? `\x1b${ch}` : ch;
  if (ch === '\r') return makeKey(sequence, 'return', false, escaped);
  if (ch === '\n') return makeKey(sequence, 'enter', false, escaped);
  if (ch === '\t') return makeKey(sequence, 'tab', false, escaped);
  if (ch === '\b' || ch === '\x7f') return makeKey(sequence, 'backspace', false, escaped);
  if (ch === '\x1b') return makeKey(sequence, 'escape', false, escaped);
  if (ch === ' ') return makeKey(sequence, 'space', false, escaped);
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code > 0 && code <= 0x1a) {
    return makeKey(sequence, String.fromCharCode(code + 0x60), true, escaped);
  }
  if (/^[0-9a-z]$/.test(ch)) return makeKey(sequence, ch, false, escaped);
  if (/^[A-Z]$/.test(ch)) return makeKey(sequence, ch.toLowerCase(), false, escaped, true);
  return makeKey(sequence, undefined, false, escaped);
}

// Splits s into [s or undefined, key] pairs.
function parseKeys(s) {
  const keys = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\x1b' && i + 1 < s.length) {
      // A doubled ESC is one meta prefix (ESC ESC x is meta+x, ESC ESC ESC is meta+escape).
      const at = s[i + 1] === '\x1b' ? i + 2 : i + 1;
      if (at >= s.length) {
        keys.push([undefined, makeKey(s.slice(i, at), 'escape', false, true)]);
        i = at;
        continue;
      }
      const next = s[at];
      if (next === '[' || next === 'O') {
        // ESC [ params final  /  ESC O final
        let j = at + 1;
        if (next === '[' && s[j] === '[') j++;  // linux console function keys: ESC [ [ A
        const paramsStart = j;
        while (j < s.length && /[0-9;]/.test(s[j])) j++;
        if (j < s.length) {
          const params = s.slice(paramsStart, j);
          const final = s[j];
          const sequence = s.slice(i, j + 1);
          const parts = params.split(';');
          let name;
          let modifier = 0;
          if (final === '~' || final === '$' || final === '^') {
            // rxvt marks shift with '$' and ctrl with '^' instead of a modifier parameter.
            name = kCsiTilde[parts[0]];
            if (parts[1]) modifier = (parts[1] | 0) - 1;
            if (final === '$') modifier |= 1;
            if (final === '^') modifier |= 4;
          } else {
            name = kCsiFinal[final];
            if (s[paramsStart - 1] === '[' && paramsStart - at === 2) {
              name = { A: 'f1', B: 'f2', C: 'f3', D: 'f4', E: 'f5' }[final];
            }
            if (parts.length > 1) modifier = (parts[1] | 0) - 1;
            else if (parts[0]) modifier = (parts[0] | 0) - 1;
          }
          const key = makeKey(sequence, name, !!(modifier & 4), !!(modifier & 10),
                              !!(modifier & 1) || final === 'Z');
          // node's code: the sequence without ESC and without the modifier parameter.
          key.code = s.slice(at, paramsStart) +
            ('~$^'.includes(final) ? `${parts[0]}${final}` : final);
          keys.push([undefined, key]);
          i = j + 1;
          continue;
        }
      }
      // ESC followed by a character: meta + that key.
      const key = charKey(next, true);
      key.sequence = s.slice(i, at + 1);
      if (next === '\x1b') key.meta = true;
      keys.push([undefined, key]);
      i = at + 1;
      continue;
    }
    // One character (a whole surrogate pair counts as one).
    const cp = s.codePointAt(i);
    const c = String.fromCodePoint(cp);
    keys.push([c, charKey(c, false)]);
    i += c.length;
  }
  return keys;
}

// iface (the Interface) is accepted as node does; a lone ESC is emitted at once, so its
// escapeCodeTimeout is not needed.
function emitKeypressEvents(stream, iface = {}) {  // eslint-disable-line no-unused-vars
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = new StringDecoder('utf8');

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const string = stream[kKeypressDecoder].write(input);
      if (!string) return;
      // One character typed, not several arriving at once (pasted or piped).
      iface[kSawKeyPress] = string.length === String.fromCodePoint(string.codePointAt(0)).length;
      for (const [s, key] of parseKeys(string)) {
        stream.emit('keypress', s, key);
      }
    } else {
      // Nobody listens any more: stop decoding until someone does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = { emitKeypressEvents, parseKeys, kSawKeyPress };
