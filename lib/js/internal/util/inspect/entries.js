'use strict';

// Entry producers: for each kind of object, the list of formatted entries that goes between
// its brackets (before its own named keys, which render.js adds). Each producer is called as
// producer(state, value, level, view) with `level` the depth of the entries and `view` the
// object's view (see kinds.js).

const {
  constants: { kPending, kRejected },
  getPromiseDetails,
  previewEntries,
} = internalBinding('util');
const { isNativeError } = internalBinding('types');
const { layOut } = require('internal/util/inspect/layout');
const { spellNumber, spellBigInt } = require('internal/util/inspect/text');

// How a property is shown: an array item shows only its value; a field shows "key: value"; an
// extra is a named key of an array-like (laid out like a field, indented like an item).
const kItem = 0;
const kField = 1;
const kExtra = 2;

// Set by render.js: the recursive formatter for values and for properties.
const walk = { value: null, property: null };

const hasOwn = Object.prototype.hasOwnProperty;
const SetValues = Set.prototype.values;
const MapEntries = Map.prototype.entries;
const SetSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const MapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;

function moreItems(count) {
  return `... ${count} more item${count > 1 ? 's' : ''}`;
}

function emptyItems(state, count) {
  return state.stylize(`<${count} empty item${count > 1 ? 's' : ''}>`, 'undefined');
}

function shownCount(state, total) {
  return Math.min(Math.max(0, state.maxArrayLength), total);
}

// --- arrays -----------------------------------------------------------------------------------

const kMaxArrayIndex = 2 ** 32 - 2;
const indexSpelling = /^(0|[1-9][0-9]*)$/;

// Continues an array from its first hole at `next`: runs of holes become "<n empty items>".
// Own keys list the indices in ascending order first, and every index below `next` is
// present, so the key at position `next` is the first index after the hole.
function withHoles(state, array, level, entries, next, limit) {
  const keys = Object.keys(array);
  for (let k = next; k < keys.length && entries.length < limit; k++) {
    const key = keys[k];
    const index = +key;
    if (index > kMaxArrayIndex) break;
    if (key !== `${next}`) {
      if (!indexSpelling.test(key)) break;
      entries.push(emptyItems(state, index - next));
      next = index;
      if (entries.length === limit) break;
    }
    entries.push(walk.property(state, array, level, key, kItem));
    next++;
  }
  const rest = array.length - next;
  if (rest > 0) entries.push(entries.length === limit ? moreItems(rest) : emptyItems(state, rest));
  return entries;
}

function arrayItems(state, array, level) {
  const limit = shownCount(state, array.length);
  const entries = [];
  for (let index = 0; index < limit; index++) {
    if (!hasOwn.call(array, index)) return withHoles(state, array, level, entries, index, limit);
    entries.push(walk.property(state, array, level, index, kItem));
  }
  if (array.length > limit) entries.push(moreItems(array.length - limit));
  return entries;
}

// Typed arrays: `view.extra.elements` is the array to read (a rebuilt copy for a
// null-prototype one), `view.extra.size` its length.
const kTypedArrayHidden = ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'];
function typedArrayItems(state, value, level, view) {
  const { elements, size } = view.extra;
  const limit = shownCount(state, size);
  const bigints = !(elements.length > 0 && typeof elements[0] === 'number');
  const style = bigints ? 'bigint' : 'number';
  const spell = bigints ? spellBigInt : spellNumber;
  const entries = new Array(limit);
  for (let n = 0; n < limit; n++) {
    entries[n] = state.stylize(spell(elements[n], state.numericSeparator), style);
  }
  if (elements.length > limit) entries[limit] = moreItems(elements.length - limit);
  if (state.showHidden) {
    // All but BYTES_PER_ELEMENT are prototype getters; the buffer is shown last.
    state.indentationLvl += 2;
    for (let n = 0; n < kTypedArrayHidden.length; n++) {
      const key = kTypedArrayHidden[n];
      entries.push(`[${key}]: ${walk.value(state, elements[key], level, true)}`);
    }
    state.indentationLvl -= 2;
  }
  return entries;
}

const hexByte = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));

function bufferBytes(state, buffer) {
  let bytes;
  try {
    bytes = new Uint8Array(buffer);
  } catch {
    return [state.stylize('(detached)', 'special')];
  }
  const shown = Math.max(0, Math.min(state.maxArrayLength, bytes.length));
  let text = Array.from(bytes.subarray(0, shown), (byte) => hexByte[byte]).join(' ');
  const rest = bytes.length - state.maxArrayLength;
  if (rest > 0) text += ` ... ${rest} more byte${rest > 1 ? 's' : ''}`;
  return [`${state.stylize('[Uint8Contents]', 'special')}: <${text}>`];
}

// --- keyed collections and iterators ----------------------------------------------------------

// The entries of a Set or Map read through `cursor` (a built-in iterator), at most
// maxArrayLength of them, each made by `entryOf(state, step value, level)`.
function iteratedItems(state, cursor, size, level, entryOf) {
  const limit = shownCount(state, size);
  const entries = [];
  // Values (not fields) are indented one step deeper.
  state.indentationLvl += 2;
  for (let step = cursor.next(); !step.done && entries.length < limit; step = cursor.next()) {
    entries.push(entryOf(state, step.value, level));
  }
  if (size > limit) entries.push(moreItems(size - limit));
  state.indentationLvl -= 2;
  return entries;
}

function showPair(state, { 0: key, 1: item }, level) {
  return `${walk.value(state, key, level)} => ${walk.value(state, item, level)}`;
}

function setItems(state, set, level) {
  return iteratedItems(state, SetValues.call(set), SetSize.call(set), level, walk.value);
}

function mapItems(state, map, level) {
  return iteratedItems(state, MapEntries.call(map), MapSize.call(map), level, showPair);
}

// Values seen through previewEntries(): a set iterator or a WeakSet (`unordered`, sorted for a
// stable output unless the user sorts).
function previewedValues(state, level, values, unordered) {
  const limit = Math.min(Math.max(state.maxArrayLength, 0), values.length);
  const entries = new Array(limit);
  state.indentationLvl += 2;
  for (let n = 0; n < limit; n++) entries[n] = walk.value(state, values[n], level);
  state.indentationLvl -= 2;
  if (unordered && !state.sorted) entries.sort();
  if (values.length > limit) entries.push(moreItems(values.length - limit));
  return entries;
}

const pairFrame = { head: '', open: '[', close: ']', listLike: true, source: undefined };

// Pairs seen through previewEntries() as [k1, v1, k2, v2, ...]: WeakMap entries as
// "k => v" (sorted like WeakSet values), map and entries iterators as "[ k, v ]".
function previewedPairs(state, level, flat, unordered) {
  const pairCount = flat.length / 2;
  const limit = Math.min(Math.max(state.maxArrayLength, 0), pairCount);
  const entries = new Array(limit);
  state.indentationLvl += 2;
  for (let n = 0; n < limit; n++) {
    const key = walk.value(state, flat[2 * n], level);
    const item = walk.value(state, flat[2 * n + 1], level);
    entries[n] = unordered ? `${key} => ${item}` : layOut(state, [key, item], pairFrame, level);
  }
  state.indentationLvl -= 2;
  if (unordered && !state.sorted) entries.sort();
  const rest = pairCount - Math.max(state.maxArrayLength, 0);
  if (rest > 0) entries.push(moreItems(rest));
  return entries;
}

function iteratorItems(state, iterator, level, view) {
  const { 0: items, 1: pairs } = previewEntries(iterator, true);
  if (!pairs) return previewedValues(state, level, items, false);
  // An entries() iterator is labeled as such.
  view.open = view.open.replace(/ Iterator] {$/, ' Entries] {');
  return previewedPairs(state, level, items, false);
}

function weakSetItems(state, set, level) {
  return previewedValues(state, level, previewEntries(set), true);
}

function weakMapItems(state, map, level) {
  return previewedPairs(state, level, previewEntries(map), true);
}

// Weak collections cannot be enumerated without showHidden.
function unknownItems(state) {
  return [state.stylize('<items unknown>', 'special')];
}

// --- the rest ---------------------------------------------------------------------------------

function promiseState(state, promise, level) {
  const { 0: status, 1: result } = getPromiseDetails(promise);
  if (status === kPending) return [state.stylize('<pending>', 'special')];
  state.indentationLvl += 2;
  const shown = walk.value(state, result, level);
  state.indentationLvl -= 2;
  return [status === kRejected ? `${state.stylize('<rejected>', 'special')} ${shown}` : shown];
}

// Module namespaces list their own keys here, so a binding still in its temporal dead zone
// shows as <uninitialized> instead of throwing. `view.extra` holds the keys.
function namespaceFields(state, namespace, level, view) {
  return view.extra.map((key) => {
    try {
      return walk.property(state, namespace, level, key, kField);
    } catch (err) {
      if (!isNativeError(err) || err.name !== 'ReferenceError') throw err;
      // Lay out a stand-in property the same way, then swap its value.
      const standIn = walk.property(state, { [key]: '' }, level, key, kField);
      return standIn.slice(0, standIn.lastIndexOf(' ') + 1) +
        state.stylize('<uninitialized>', 'special');
    }
  });
}

function noItems() {
  return [];
}

module.exports = {
  kItem,
  kField,
  kExtra,
  walk,
  arrayItems,
  typedArrayItems,
  bufferBytes,
  setItems,
  mapItems,
  iteratorItems,
  weakSetItems,
  weakMapItems,
  unknownItems,
  promiseState,
  namespaceFields,
  noItems,
};
