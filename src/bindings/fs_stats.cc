// internalBinding('fs_stats'): the objects fs calls return as fs.Stats and BigIntStats, whose
// Dates (atime, mtime, ctime, birthtime) are made when first read. `new Date(ms)` is a C++
// builtin in this V8 and four of them were most of the cost of a stat.
//
// Each Date field is a native data property: to Object.keys, descriptors, JSON, inspect,
// structuredClone, assignment, delete and freeze it is an own, enumerable, writable,
// configurable data property as node's, but reading it calls DateGetter, which makes the Date
// once and keeps it. Its time comes from a private "source" slot JS fills at construction, so
// changing stats.mtimeMs first does not change stats.mtime (as in node, whose Dates are made
// in the constructor). A lazy data property (one V8 replaces by a plain data property on first
// read) was measured too: the replacement turns the object into dictionary mode, ~10,000
// instructions per first read.
#include <cmath>
#include <memory>

#include "runtime/binding.h"

namespace ringjs::fs_stats {
namespace {

const char* const kCommonFields[] = {"dev",     "mode",    "nlink",   "uid",        "gid",
                                     "rdev",    "blksize", "ino",     "size",       "blocks",
                                     "atimeMs", "mtimeMs", "ctimeMs", "birthtimeMs"};
const char* const kNsFields[] = {"atimeNs", "mtimeNs", "ctimeNs", "birthtimeNs"};
const char* const kDateFields[] = {"atime", "mtime", "ctime", "birthtime"};
const char* const kDateSources[] = {"atimeSource", "mtimeSource", "ctimeSource", "birthtimeSource"};
constexpr int kDates = 4;

// The private slots of one Date field: `source` holds its milliseconds (a number for Stats, a
// bigint for BigIntStats) until the field is read, then the Date made from them, or null once
// the program assigned the field a value, which `value` then holds. Kept as symbols: Object::Get
// and Set with them cost half of GetPrivate and SetPrivate.
struct DateSlots {
  v8::Global<v8::Symbol> source;
  v8::Global<v8::Symbol> value;
};

class StatsBindingData : public BindingData {
 public:
  DateSlots slots[kDates];
};

// Math.round: the nearest integer, halves towards +Infinity.
double RoundLikeJs(double ms) {
  double floor = std::floor(ms);
  return ms - floor >= 0.5 ? floor + 1 : floor;
}

DateSlots* SlotsOf(v8::Local<v8::Value> data) {
  return static_cast<DateSlots*>(data.As<v8::External>()->Value());
}

void DateGetter(v8::Local<v8::Name>, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  DateSlots* slots = SlotsOf(info.Data());
  v8::Local<v8::Object> holder = info.Holder();
  v8::Local<v8::Symbol> source_key = slots->source.Get(isolate);
  v8::Local<v8::Value> source;
  if (!holder->Get(context, source_key).ToLocal(&source)) return;
  if (source->IsDate()) return info.GetReturnValue().Set(source);
  if (source->IsNull()) {
    v8::Local<v8::Value> value;
    if (holder->Get(context, slots->value.Get(isolate)).ToLocal(&value)) {
      info.GetReturnValue().Set(value);
    }
    return;
  }
  double ms = std::nan("");
  if (source->IsBigInt()) {
    ms = static_cast<double>(source.As<v8::BigInt>()->Int64Value());
  } else if (source->IsNumber()) {
    ms = RoundLikeJs(source.As<v8::Number>()->Value());
  }
  v8::Local<v8::Value> date;
  if (v8::Date::New(context, ms).ToLocal(&date) &&
      holder->Set(context, source_key, date).IsJust()) {
    info.GetReturnValue().Set(date);
  }
}

// `stats.mtime = x`: V8 has already refused it if the property is read-only.
void DateSetter(v8::Local<v8::Name>, v8::Local<v8::Value> value,
                const v8::PropertyCallbackInfo<void>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  DateSlots* slots = SlotsOf(info.Data());
  v8::Local<v8::Object> holder = info.Holder();
  USE(holder->Set(context, slots->value.Get(isolate), value).IsJust() &&
      holder->Set(context, slots->source.Get(isolate), v8::Null(isolate)).IsJust());
}

// V8 keeps an object that got a native data property through the API in dictionary mode; only
// objects instantiated from templates are turned back into fast mode, and templates install
// such properties before all others (node's order has the Dates last). %ToFastProperties does
// the same for the boilerplate; it is compiled with natives syntax allowed for that moment.
bool ToFastProperties(v8::Local<v8::Context> context, v8::Local<v8::Object> object) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::String> param = OneByteString(isolate, "o");
  auto compile = [&](v8::Local<v8::Function>* fn) {
    v8::TryCatch try_catch(isolate);
    v8::ScriptCompiler::Source source(OneByteString(isolate, "%ToFastProperties(o)"));
    return v8::ScriptCompiler::CompileFunction(context, &source, 1, &param).ToLocal(fn);
  };
  v8::Local<v8::Function> fn;
  if (!compile(&fn)) {  // Else the user asked for --allow-natives-syntax: leave it on.
    static const char kAllow[] = "--allow-natives-syntax";
    static const char kDisallow[] = "--no-allow-natives-syntax";
    v8::V8::SetFlagsFromString(kAllow, sizeof(kAllow) - 1);
    bool compiled = compile(&fn);
    v8::V8::SetFlagsFromString(kDisallow, sizeof(kDisallow) - 1);
    if (!compiled) return false;
  }
  v8::Local<v8::Value> arg = object;
  return !fn->Call(context, v8::Undefined(isolate), 1, &arg).IsEmpty();
}

// A copy of the boilerplate in `data`: one allocation and a copy of its fields.
void CloneBoilerplate(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(info.Data().As<v8::Object>()->Clone());
}

bool AddUndefined(v8::Local<v8::Context> context, v8::Local<v8::Object> object, const char* name) {
  return object
      ->CreateDataProperty(context, OneByteString(context->GetIsolate(), name),
                           v8::Undefined(context->GetIsolate()))
      .FromMaybe(false);
}

// lazyStatsFactory(prototype, withNs): a function returning a new object with node's own keys
// in node's order (BigIntStats adds the *Ns fields), all undefined; JS then fills them and the
// Dates' source slots. The object is built once, in fast mode, and copied per stat.
void LazyStatsFactory(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  auto* data = Environment::From(info)->binding_data<StatsBindingData>("fs_stats");
  v8::Local<v8::Object> boilerplate = v8::Object::New(isolate);
  if (data == nullptr || !boilerplate->SetPrototype(context, info[0]).FromMaybe(false)) return;
  for (const char* name : kCommonFields) {
    if (!AddUndefined(context, boilerplate, name)) return;
  }
  for (const char* name : kNsFields) {
    if (info[1]->IsTrue() && !AddUndefined(context, boilerplate, name)) return;
  }
  for (int i = 0; i < kDates; i++) {
    DateSlots* slots = &data->slots[i];
    if (!boilerplate
             ->SetNativeDataProperty(context, OneByteString(isolate, kDateFields[i]), DateGetter,
                                     DateSetter, v8::External::New(isolate, slots))
             .FromMaybe(false) ||
        !boilerplate->Set(context, slots->source.Get(isolate), v8::Null(isolate))
             .FromMaybe(false) ||
        !boilerplate->Set(context, slots->value.Get(isolate), v8::Undefined(isolate))
             .FromMaybe(false)) {
      return;
    }
  }
  if (!ToFastProperties(context, boilerplate)) return;
  v8::Local<v8::Function> factory;
  if (v8::Function::New(context, CloneBoilerplate, boilerplate, 0, v8::ConstructorBehavior::kThrow)
          .ToLocal(&factory)) {
    info.GetReturnValue().Set(factory);
  }
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  auto* data = env->set_binding_data("fs_stats", std::make_unique<StatsBindingData>());
  for (int i = 0; i < kDates; i++) {
    v8::Local<v8::Symbol> source =
        v8::Private::New(isolate, OneByteString(isolate, kDateSources[i])).As<v8::Symbol>();
    v8::Local<v8::Symbol> value =
        v8::Private::New(isolate, OneByteString(isolate, kDateFields[i])).As<v8::Symbol>();
    data->slots[i].source.Reset(isolate, source);
    data->slots[i].value.Reset(isolate, value);
    SetValue(context, target, kDateSources[i], source);
  }
  SetMethod(context, target, "lazyStatsFactory", LazyStatsFactory);
}

}  // namespace
}  // namespace ringjs::fs_stats

RINGJS_BINDING(fs_stats, ringjs::fs_stats::Initialize)
