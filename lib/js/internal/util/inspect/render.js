'use strict';

// The recursive formatter behind util.inspect. renderValue() deals with what comes before
// the kind of an object matters (primitives, proxies, custom inspect functions, objects
// already on the path); renderObject() names the object, asks the classifier (kinds.js) for a
// plan, collects the entries and hands them to the layout engine (layout.js).
//
// `state` is one inspect() call's options plus its working data: indentationLvl (the column
// entries start at), seen (the objects on the current path), circular (object -> reference
// number), currentDepth (deepest level entered so far) and budget (output length per
// indentation, to stop descending once output gets huge).

const { getProxyDetails, getConstructorName: nativeConstructorName } = internalBinding('util');
const { isStackOverflowError } = require('internal/errors');
const { layOut } = require('internal/util/inspect/layout');
const { quote, escapeBare, spellNumber, spellBigInt, getStringWidth } =
  require('internal/util/inspect/text');
const { builtInObjects } = require('internal/util/inspect/naming');
const { stylizeNoColor } = require('internal/util/inspect/palette');
const kinds = require('internal/util/inspect/kinds');
const { describe: classify, genericLabel } = kinds;
const entries = require('internal/util/inspect/entries');

const { kItem, kField, kExtra } = entries;

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const hasOwn = Object.prototype.hasOwnProperty;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const SymbolToString = Symbol.prototype.toString;

// Set by inspect.js: the public util.inspect (handed to custom inspect functions).
const api = { inspect: null };

// document.all-like objects: typeof says 'undefined' but they are not undefined.
function isUndetectable(value) {
  return typeof value === 'undefined' && value !== undefined;
}

function beyondDepth(state, level) {
  return state.depth !== null && level > state.depth;
}

// --- primitives -------------------------------------------------------------------------------

// Strings longer than this may be split into concatenated lines.
const kMinSplitLength = 16;

function renderString(stylize, text, state) {
  let cut = '';
  if (text.length > state.maxStringLength) {
    const dropped = text.length - state.maxStringLength;
    text = text.slice(0, state.maxStringLength);
    cut = `... ${dropped} more character${dropped > 1 ? 's' : ''}`;
  }
  // A long string is shown as one literal per line, joined with '+' (its length stands in
  // for its width here).
  if (state.compact !== true && text.length > kMinSplitLength &&
      text.length > state.breakLength - state.indentationLvl - 4) {
    const joiner = ` +\n${' '.repeat(state.indentationLvl + 2)}`;
    return text.split(/(?<=\n)/).map((line) => stylize(quote(line), 'string')).join(joiner) + cut;
  }
  return stylize(quote(text), 'string') + cut;
}

function renderPrimitive(stylize, value, state) {
  const type = typeof value;
  if (type === 'string') return renderString(stylize, value, state);
  if (type === 'number') return stylize(spellNumber(value, state.numericSeparator), 'number');
  if (type === 'bigint') return stylize(spellBigInt(value, state.numericSeparator), 'bigint');
  if (type === 'boolean') return stylize(`${value}`, 'boolean');
  if (type === 'undefined') return stylize('undefined', 'undefined');
  // Symbols (anything else throws here, which a getter's caller reports).
  return stylize(SymbolToString.call(value), 'symbol');
}

// --- naming -----------------------------------------------------------------------------------

function instanceOf(object, ctor) {
  try {
    return object instanceof ctor;
  } catch {
    return false;
  }
}

// The constructor name shown for `object`: the name of the nearest own `constructor` on its
// prototype chain (the object included) that is a named function `object` is an instance
// of. Without one: null for a null prototype, else V8's class name with the prototype's
// description in <>. With showHidden (`inherited` is an array) also collects the fields
// inherited from user prototypes.
function constructorNameOf(state, object, level, inherited) {
  let depth = 0;
  for (let link = object; link || isUndetectable(link); link = Object.getPrototypeOf(link)) {
    const desc = Object.getOwnPropertyDescriptor(link, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' &&
        instanceOf(object, desc.value)) {
      const name = String(desc.value.name);
      // Inherited fields are wanted unless the constructor is a built-in one right above.
      if (inherited !== undefined && (depth !== 1 || !builtInObjects.has(name))) {
        const start = depth === 0 ? object : Object.getPrototypeOf(object);
        collectInherited(state, object, start, level, inherited);
      }
      return name;
    }
    depth++;
  }
  const proto = Object.getPrototypeOf(object);
  if (proto === null) return null;
  const className = nativeConstructorName(object);
  if (beyondDepth(state, level)) return `${className} <Complex prototype>`;
  const protoName = constructorNameOf(state, proto, level + 1, inherited);
  if (protoName !== null) return `${className} <${protoName}>`;
  const protoText = api.inspect(proto, { ...state, customInspect: false, depth: -1 });
  return `${className} <${protoText}>`;
}

function isBuiltInPrototype(proto) {
  const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' &&
    builtInObjects.has(desc.value.name);
}

// Adds to `out` the non-method fields of up to three user prototypes of `owner`, starting at
// `start` (or its prototype when `start` is `owner`), dimmed in color.
function collectInherited(state, owner, start, level, out) {
  const shownAbove = new Set();
  let proto = start;
  for (let step = 0; step < 3; step++) {
    if (step !== 0 || proto === owner) {
      proto = Object.getPrototypeOf(proto);
      if (proto === null || isBuiltInPrototype(proto)) return;
    }
    const keys = Reflect.ownKeys(proto);
    state.seen.push(owner);
    for (let n = 0; n < keys.length; n++) {
      const key = keys[n];
      if (key === 'constructor' || hasOwn.call(owner, key) || shownAbove.has(key)) continue;
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      if (typeof desc.value === 'function') continue;
      const text = renderProperty(state, proto, level, key, kField, desc, owner);
      out.push(state.colors ? `\u001b[2m${text}\u001b[22m` : text);
    }
    state.seen.pop();
    for (let n = 0; n < keys.length; n++) shownAbove.add(keys[n]);
  }
}

// The Symbol.toStringTag worth showing: a string that is not also listed as an own key.
function shownTag(state, value) {
  const tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' || tag === '') return '';
  const listed = state.showHidden ? hasOwn : propertyIsEnumerable;
  return listed.call(value, Symbol.toStringTag) ? '' : tag;
}

// --- properties -------------------------------------------------------------------------------

const identifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

function propertyName(state, key, desc) {
  if (typeof key === 'symbol') {
    return `[${state.stylize(escapeBare(SymbolToString.call(key)), 'symbol')}]`;
  }
  if (key === '__proto__') return "['__proto__']";
  if (desc.enumerable === false) return `[${escapeBare(key)}]`;
  if (identifier.test(key)) return state.stylize(key, 'name');
  return state.stylize(quote(key), 'string');
}

// An accessor: "[Getter]", or with the getters option its current value.
function renderAccessor(state, desc, receiver, level) {
  const { stylize } = state;
  const kind = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
  const wanted = state.getters === true ||
    (state.getters === 'get' && desc.set === undefined) ||
    (state.getters === 'set' && desc.set !== undefined);
  if (!state.getters || !wanted) return stylize(`[${kind}]`, 'special');
  const open = stylize(`[${kind}:`, 'special');
  const close = stylize(']', 'special');
  try {
    const current = desc.get.call(receiver);
    state.indentationLvl += 2;
    let text;
    if (current === null) {
      text = `${open} ${stylize('null', 'null')}${close}`;
    } else if (typeof current === 'object') {
      text = `${stylize(`[${kind}]`, 'special')} ${renderValue(state, current, level)}`;
    } else {
      text = `${open} ${renderPrimitive(stylize, current, state)}${close}`;
    }
    state.indentationLvl -= 2;
    return text;
  } catch (err) {
    return `${open} <Inspection threw (${err.message})>${close}`;
  }
}

/**
 * One property of `holder`: "name: value", or only the value for an array item (`style`
 * kItem). `desc` is looked up when not given; `receiver` is the `this` for getters.
 */
function renderProperty(state, holder, level, key, style, desc, receiver = holder) {
  desc ||= Object.getOwnPropertyDescriptor(holder, key) ||
    { value: holder[key], enumerable: true };
  let text;
  let gap = ' ';
  if (desc.value !== undefined) {
    // compact: true indents an object's field values by one more column, and moves a value
    // wider than a line onto the next line.
    const indent = state.compact === true && style === kField ? 3 : 2;
    state.indentationLvl += indent;
    text = renderValue(state, desc.value, level);
    if (indent === 3 && state.breakLength < getStringWidth(text, state.colors)) {
      gap = `\n${' '.repeat(state.indentationLvl)}`;
    }
    state.indentationLvl -= indent;
  } else if (desc.get !== undefined) {
    text = renderAccessor(state, desc, receiver, level);
  } else if (desc.set !== undefined) {
    text = state.stylize('[Setter]', 'special');
  } else {
    text = state.stylize('undefined', 'undefined');
  }
  if (style === kItem) return text;
  return `${propertyName(state, key, desc)}:${gap}${text}`;
}

// --- values -----------------------------------------------------------------------------------

// The options object handed to a custom inspect function. A value from another realm (or a
// proxy) gets no objects of ours, only a stylize function that cannot leak them.
function optionsForCustom(state, foreign) {
  const options = {
    stylize: state.stylize,
    showHidden: state.showHidden,
    depth: state.depth,
    colors: state.colors,
    customInspect: state.customInspect,
    showProxy: state.showProxy,
    maxArrayLength: state.maxArrayLength,
    maxStringLength: state.maxStringLength,
    breakLength: state.breakLength,
    compact: state.compact,
    sorted: state.sorted,
    getters: state.getters,
    numericSeparator: state.numericSeparator,
    ...state.userOptions,
  };
  if (!foreign) return options;
  Object.setPrototypeOf(options, null);
  const keys = Object.keys(options);
  for (let n = 0; n < keys.length; n++) {
    const option = options[keys[n]];
    if ((typeof option === 'object' || typeof option === 'function') && option !== null) {
      delete options[keys[n]];
    }
  }
  options.stylize = Object.setPrototypeOf((text, styleType) => {
    let styled;
    try {
      styled = `${state.stylize(text, styleType)}`;
    } catch {
      // Fall back to the plain text.
    }
    return typeof styled === 'string' ? styled : text;
  }, null);
  return options;
}

// The result of the value's own [util.inspect.custom]() if it has a usable one, else undefined.
function customText(state, value, receiver, viaProxy, level) {
  const custom = value[customInspectSymbol];
  // util.inspect itself does not count, and a prototype is not shown through its own method.
  if (typeof custom !== 'function' || custom === api.inspect) return undefined;
  if (value.constructor && value.constructor.prototype === value) return undefined;
  const depthLeft = state.depth === null ? null : state.depth - level;
  const foreign = viaProxy || !(receiver instanceof Object);
  const result = custom.call(receiver, depthLeft, optionsForCustom(state, foreign), api.inspect);
  if (result === receiver) return undefined;
  if (typeof result !== 'string') return renderValue(state, result, level);
  return result.replaceAll('\n', `\n${' '.repeat(state.indentationLvl)}`);
}

// "[Circular *n]" for an object already on the path, numbering it on first sight.
function circularMarker(state, value) {
  state.circular ??= new Map();
  let number = state.circular.get(value);
  if (number === undefined) {
    number = state.circular.size + 1;
    state.circular.set(value, number);
  }
  return state.stylize(`[Circular *${number}]`, 'special');
}

// showProxy: "Proxy [ target, handler ]".
const proxyFrame = { head: '', open: 'Proxy [', close: ']', listLike: true, source: undefined };
function renderProxy(state, { 0: target, 1: handler }, level) {
  if (beyondDepth(state, level)) return state.stylize('Proxy [Array]', 'special');
  const parts = [];
  state.indentationLvl += 2;
  parts.push(renderValue(state, target, level + 1), renderValue(state, handler, level + 1));
  state.indentationLvl -= 2;
  return layOut(state, parts, proxyFrame, level + 1);
}

/**
 * Formats any value at nesting `level`. `bufferOwner` is set while formatting the buffer of a
 * typed array (showHidden), which then shows only its length.
 */
function renderValue(state, value, level, bufferOwner) {
  if (typeof value !== 'object' && typeof value !== 'function' && !isUndetectable(value)) {
    return renderPrimitive(state.stylize, value, state);
  }
  if (value === null) return state.stylize('null', 'null');

  // Proxies are looked through without running any trap; a custom inspect function is still
  // called on the proxy itself.
  const receiver = value;
  const proxy = getProxyDetails(value, !!state.showProxy);
  if (proxy !== undefined) {
    // (node also takes a target whose [0] is null for a revoked proxy.)
    if (proxy === null || proxy[0] === null) return state.stylize('<Revoked Proxy>', 'special');
    if (state.showProxy) return renderProxy(state, proxy, level);
    value = proxy;
  }
  if (state.customInspect) {
    const text = customText(state, value, receiver, proxy !== undefined, level);
    if (text !== undefined) return text;
  }
  if (state.seen.includes(value)) return circularMarker(state, value);
  return renderObject(state, value, level, bufferOwner);
}

// What is known about one object being shown; the classifier (kinds.js) adds how to show it.
class ObjectView {
  constructor(ctor, tag, level, inherited, bufferOwner) {
    this.ctor = ctor;
    this.tag = tag;
    this.level = level;
    this.inherited = inherited;
    this.bufferOwner = bufferOwner;
    // The plan, filled in by the classifier.
    this.open = '';
    this.close = '';
    this.head = '';
    this.keys = undefined;
    this.produce = undefined;
    this.listLike = false;
    this.source = undefined;
    // Kind-specific data for the producer (a typed array's elements, a namespace's keys).
    this.extra = undefined;
  }
}

function renderObject(state, value, level, bufferOwner) {
  let inherited = state.showHidden && !beyondDepth(state, level) ? [] : undefined;
  const ctor = constructorNameOf(state, value, level, inherited);
  if (inherited !== undefined && inherited.length === 0) inherited = undefined;
  const view = new ObjectView(ctor, shownTag(state, value), level, inherited, bufferOwner);
  const short = classify(state, value, view);
  if (short !== undefined) return short;

  if (beyondDepth(state, level)) {
    const label = genericLabel(value, view);
    return state.stylize(ctor === null ? label : `[${label}]`, 'special');
  }
  const inner = level + 1;
  state.seen.push(value);
  state.currentDepth = inner;
  const indentation = state.indentationLvl;
  let parts;
  try {
    parts = view.produce(state, value, inner, view);
    const keyStyle = view.listLike ? kExtra : kField;
    const { keys } = view;
    for (let n = 0; n < keys.length; n++) {
      parts.push(renderProperty(state, value, inner, keys[n], keyStyle));
    }
    if (inherited !== undefined) {
      for (let n = 0; n < inherited.length; n++) parts.push(inherited[n]);
    }
  } catch (err) {
    if (!isStackOverflowError(err)) throw err;
    state.seen.pop();
    state.indentationLvl = indentation;
    return state.stylize(`[${genericLabel(value, view)}: Inspection interrupted ` +
                         'prematurely. Maximum call stack size exceeded.]', 'special');
  }

  const number = state.circular !== undefined ? state.circular.get(value) : undefined;
  if (number !== undefined) {
    // The reference marker goes first.
    const marker = state.stylize(`<ref *${number}>`, 'special');
    if (state.compact === true) view.open = `${marker} ${view.open}`;
    else view.head = view.head === '' ? marker : `${marker} ${view.head}`;
  }
  state.seen.pop();

  if (state.sorted) sortEntries(state, parts, view);
  const text = layOut(state, parts, view, inner);
  // Past 128 MiB of output at one indentation, stop descending: the result must stay below
  // the maximum string length, and the thread must not block for ages.
  const total = (state.budget[state.indentationLvl] || 0) + text.length;
  state.budget[state.indentationLvl] = total;
  if (total > 2 ** 27) state.depth = -1;
  return text;
}

// sorted: the fields of an object; for an array-like only its named keys (after the items).
function sortEntries(state, parts, view) {
  const order = state.sorted === true ? undefined : state.sorted;
  if (!view.listLike) {
    parts.sort(order);
  } else if (view.keys.length > 1) {
    const named = parts.splice(parts.length - view.keys.length).sort(order);
    for (let n = 0; n < named.length; n++) parts.push(named[n]);
  }
}

entries.walk.value = renderValue;
entries.walk.property = renderProperty;
kinds.hooks.primitive = renderPrimitive;
kinds.hooks.stylizeNoColor = stylizeNoColor;

module.exports = { api, renderValue };
