'use strict';
// emitKeypressEvents(stream): once something listens for 'keypress', the stream's 'data' is
// decoded (utf8) and split into keys: 'keypress' (s, key) with key = { sequence, name, ctrl,
// meta, shift } (and code for escape sequences). Escape sequences (arrows, home/end, delete,
// function keys, with modifiers) may arrive split over several chunks: an unfinished one waits
// for the next chunk, and a chunk ending in ESC waits escapeCodeTimeout for more before the ESC
// counts as the escape key. s is undefined for escape sequences, as in node.

const { StringDecoder } = require('string_decoder');

const kKeypressDecoder = Symbol('keypress-decoder');
// Set on the interface for each chunk: whether it held a single typed key.
const kSawKeyPress = Symbol('_sawKeyPress');
const kDefaultEscapeCodeTimeout = 500;
const ESC = '\x1b';

// Key names by node's `code` (the sequence without ESC and modifier), with the modifiers some
// terminals imply by the code itself (rxvt: lowercase letters are shift, ESC O a-e ctrl,
// '$' shift, '^' ctrl).
const kCodeNames = { __proto__: null };
function names(codes, list, implied) {
  for (let n = 0; n < codes.length; n++) kCodeNames[codes[n]] = [list[n], implied];
}
names(['[A', '[B', '[C', '[D', '[E', '[F', '[H', 'OA', 'OB', 'OC', 'OD', 'OE', 'OF', 'OH'],
      ['up', 'down', 'right', 'left', 'clear', 'end', 'home',
       'up', 'down', 'right', 'left', 'clear', 'end', 'home']);
names(['OP', 'OQ', 'OR', 'OS', '[P', '[Q', '[R', '[S', '[11~', '[12~', '[13~', '[14~',
       '[[A', '[[B', '[[C', '[[D', '[[E', '[15~', '[17~', '[18~', '[19~', '[20~', '[21~',
       '[23~', '[24~'],
      ['f1', 'f2', 'f3', 'f4', 'f1', 'f2', 'f3', 'f4', 'f1', 'f2', 'f3', 'f4',
       'f1', 'f2', 'f3', 'f4', 'f5', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12']);
names(['[1~', '[2~', '[3~', '[4~', '[5~', '[6~', '[[5~', '[[6~', '[7~', '[8~'],
      ['home', 'insert', 'delete', 'end', 'pageup', 'pagedown', 'pageup', 'pagedown', 'home',
       'end']);
names(['[a', '[b', '[c', '[d', '[e', '[2$', '[3$', '[5$', '[6$', '[7$', '[8$', '[Z'],
      ['up', 'down', 'right', 'left', 'clear', 'insert', 'delete', 'pageup', 'pagedown', 'home',
       'end', 'tab'], 'shift');
names(['Oa', 'Ob', 'Oc', 'Od', 'Oe', '[2^', '[3^', '[5^', '[6^', '[7^', '[8^'],
      ['up', 'down', 'right', 'left', 'clear', 'insert', 'delete', 'pageup', 'pagedown', 'home',
       'end'], 'ctrl');

function makeKey(sequence, name, ctrl = false, meta = false, shift = false) {
  return { sequence, name, ctrl, meta, shift };
}

// The key for one plain character (escaped: it followed an ESC, so meta is set).
function charKey(ch, escaped) {
  const sequence = escaped ? `${ESC}${ch}` : ch;
  if (ch === '\r') return makeKey(sequence, 'return', false, escaped);
  if (ch === '\n') return makeKey(sequence, 'enter', false, escaped);
  if (ch === '\t') return makeKey(sequence, 'tab', false, escaped);
  if (ch === '\b' || ch === '\x7f') return makeKey(sequence, 'backspace', false, escaped);
  if (ch === ESC) return makeKey(sequence, 'escape', false, escaped);
  if (ch === ' ') return makeKey(sequence, 'space', false, escaped);
  const code = ch.charCodeAt(0);
  // Ctrl+letter (NUL is ctrl+`); after an ESC these have no name.
  if (!escaped && ch.length === 1 && code <= 0x1a) {
    return makeKey(sequence, String.fromCharCode(code + 0x60), true);
  }
  if (/^[0-9a-z]$/.test(ch)) return makeKey(sequence, ch, false, escaped);
  if (/^[A-Z]$/.test(ch)) return makeKey(sequence, ch.toLowerCase(), false, escaped, true);
  return makeKey(sequence, undefined, false, escaped);
}

const isDigit = (ch) => ch >= '0' && ch <= '9';

// The key of an escape sequence from its code and xterm modifier (1 shift, 2 alt, 4 ctrl,
// 8 meta; alt and meta both set meta).
function sequenceKey(sequence, code, modifier) {
  const known = kCodeNames[code];
  const key = makeKey(sequence, known ? known[0] : 'undefined', !!(modifier & 4),
                      !!(modifier & 10), !!(modifier & 1));
  if (known && known[1]) key[known[1]] = true;
  key.code = code;
  return key;
}

// The code and modifier of the parameters-and-final text after ESC [ (or ESC [ [):
// "NN;M~" (one or two digits, optional modifier, final ~ ^ $), "NNN~" (bracketed paste),
// "1;M<letter>" / "M<letter>" / "<letter>"; anything else is kept whole in the code.
function csiCode(prefix, cmd) {
  let m = /^(\d\d?)(?:;(\d))?([~^$])$/.exec(cmd);
  if (m) return [`${prefix}${m[1]}${m[3]}`, (m[2] || 1) - 1];
  if (/^\d{3}~$/.test(cmd)) return [`${prefix}${cmd}`, 0];
  m = /^(?:\d;)?(\d)?([A-Za-z])$/.exec(cmd);
  if (m) return [`${prefix}${m[2]}`, (m[1] || 1) - 1];
  return [`${prefix}${cmd}`, 0];
}

// Emits the keys in s through emit(s, key). Returns where an unfinished escape sequence starts
// (s.length when none). atEnd: no more text will come, a lone ESC (or ESC ESC) is a key.
function readKeys(s, atEnd, emit) {
  let i = 0;
  while (i < s.length) {
    const start = i;
    if (s[i] !== ESC) {
      const ch = String.fromCodePoint(s.codePointAt(i));
      emit(ch, charKey(ch, false));
      i += ch.length;
      continue;
    }
    // One or two ESCs, then the character that says what follows.
    let j = i + 1;
    if (j < s.length && s[j] === ESC) j++;
    if (j >= s.length) {
      if (!atEnd) return start;
      emit(undefined, makeKey(s.slice(start, j), 'escape', false, true));
      i = j;
      continue;
    }
    const kind = s[j];
    if (kind !== '[' && kind !== 'O') {
      const ch = String.fromCodePoint(s.codePointAt(j));
      const key = charKey(ch, true);
      key.sequence = s.slice(start, j + ch.length);
      emit(undefined, key);
      i = j + ch.length;
      continue;
    }
    // A control sequence: read just enough characters, as node does, to know its end.
    let k = j + 1;
    if (k >= s.length) return start;
    let code;
    let modifier = 0;
    if (kind === 'O') {
      // ESC O [modifier digit] char
      if (isDigit(s[k])) {
        modifier = s[k] - 1;
        k++;
        if (k >= s.length) return start;
      }
      code = `O${s[k]}`;
    } else {
      let prefix = '[';
      if (s[k] === '[') {  // ESC [ [ : linux console and putty keys
        prefix = '[[';
        k++;
        if (k >= s.length) return start;
      }
      const cmdStart = k;
      // Up to three leading digits, the character after them, and a ';' modifier.
      for (let n = 0; n < 3 && isDigit(s[k]); n++) {
        k++;
        if (k >= s.length) return start;
      }
      if (s[k] === ';') {
        k++;
        if (k >= s.length) return start;
        if (isDigit(s[k])) {
          k++;
          if (k >= s.length) return start;
        }
      }
      [code, modifier] = csiCode(prefix, s.slice(cmdStart, k + 1));
    }
    emit(undefined, sequenceKey(s.slice(start, k + 1), code, modifier));
    i = k + 1;
  }
  return s.length;
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  let pending = '';  // An escape sequence still missing characters.
  let escapeTimer = null;

  const emitKey = (s, key) => stream.emit('keypress', s, key);

  function read(text, atEnd) {
    const rest = readKeys(text, atEnd, emitKey);
    pending = rest < text.length ? text.slice(rest) : '';
  }

  function onEscapeTimeout() {
    escapeTimer = null;
    if (pending) read(pending, true);
  }

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const string = stream[kKeypressDecoder].write(input);
      if (!string) return;
      if (escapeTimer !== null) {
        clearTimeout(escapeTimer);
        escapeTimer = null;
      }
      // One character typed, not several arriving at once (pasted or piped).
      iface[kSawKeyPress] = string.length === String.fromCodePoint(string.codePointAt(0)).length;
      read(pending + string, false);
      if (pending && string[string.length - 1] === ESC) {
        const timeout = iface.escapeCodeTimeout ?? kDefaultEscapeCodeTimeout;
        escapeTimer = setTimeout(onEscapeTimeout, timeout);
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

module.exports = { emitKeypressEvents, kSawKeyPress };
