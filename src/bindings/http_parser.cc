// internalBinding('http_parser'): HTTP/1 request and response parsing with llhttp 8.1.
//
//   const p = new HTTPParser();
//   p.initialize(type, maxHeaderSize, lenient)   type: REQUEST (1) or RESPONSE (2)
//   p.execute(buffer) -> bytes parsed, or an Error { code: 'HPE_*', reason, bytesParsed }
//   p.finish()        -> undefined, or an Error (the peer ended mid-message)
//   p.consume(handle) / p.unconsume(): read a socket handle (stream_base.h) directly in C++:
//                        received bytes go into llhttp without a JS Buffer; EOF and read errors
//                        still reach handle.onread. An error or an upgrade during such a read
//                        calls p.onExecute(result, rest) (rest: the bytes after an upgrade, or
//                        the whole chunk after an error).
//   p.pause() / p.resume() / p.close()
//   p.expired(headersTimeout, requestTimeout) -> true once the message being received ran past
//                        headersTimeout ms without complete headers or requestTimeout ms without
//                        its end (0 = no limit). The clock starts at initialize() and at the
//                        first byte of each later message; a connection between messages never
//                        expires. A true answer stops the clock (reported once).
//
// Callbacks (this === parser): registered once for all parsers with
// setCallbacks({ onHeadersComplete, onBody, onMessageComplete, onExecute, onHeadersAndComplete }),
// else looked up as properties of the parser object:
//   onHeadersComplete(versionMajor, versionMinor, rawHeaders, method, url, statusCode,
//                     statusMessage, upgrade, shouldKeepAlive)
//       once per message with every header in one flat [name, value, ...] array. Returns 1 to
//       parse no body (a response to HEAD), 2 for no body and an upgrade, else 0.
//   onBody(arrayBuffer)                 a body chunk (copied)
//   onMessageComplete(rawTrailers)      rawTrailers: flat array or undefined
//   onHeadersAndComplete(...)           (registered only) a request that ends where its headers
//                                       end: onHeadersComplete's arguments, and the message is
//                                       complete (no trailers) once it returns
//
// Header names and values (and the URL) are latin1 strings, values without trailing blanks,
// as node's parser gives them. maxHeaderSize counts the start line and header bytes of one
// message; going over it fails with HPE_HEADER_OVERFLOW.
#include <llhttp.h>
#include <time.h>

#include <cstring>
#include <string>
#include <vector>

#include "bindings/stream_base.h"
#include "runtime/binding.h"
#include "runtime/callback_scope.h"

namespace ringjs::http_parser {
namespace {

// The longest of kCommonHeaders.
constexpr size_t kMaxCommonLength = 17;

class ParserData : public BindingData {
 public:
  explicit ParserData(v8::Isolate* isolate) : isolate_(isolate) {
    auto s = [isolate](const char* text) {
      return v8::Global<v8::String>(
          isolate,
          v8::String::NewFromUtf8(isolate, text, v8::NewStringType::kInternalized)
              .ToLocalChecked());
    };
    on_headers_complete = s("onHeadersComplete");
    on_body = s("onBody");
    on_message_complete = s("onMessageComplete");
    on_execute = s("onExecute");
    bytes_parsed = s("bytesParsed");
    code = s("code");
    reason = s("reason");
  }
  v8::Isolate* isolate_;
  v8::Global<v8::String> on_headers_complete;
  v8::Global<v8::String> on_body;
  v8::Global<v8::String> on_message_complete;
  v8::Global<v8::String> on_execute;
  v8::Global<v8::String> bytes_parsed;
  v8::Global<v8::String> code;
  v8::Global<v8::String> reason;
  // setCallbacks({ onHeadersComplete, onBody, onMessageComplete, onExecute }): used for every
  // parser instead of looking the properties up per call.
  v8::Global<v8::Function> cb_headers;
  v8::Global<v8::Function> cb_headers_message;
  v8::Global<v8::Function> cb_body;
  v8::Global<v8::Function> cb_message;
  v8::Global<v8::Function> cb_execute;
  // Strings of the most common header names, so a request costs no allocation for them;
  // common_by_length[n] lists the indexes of those n bytes long (a lookup compares few).
  std::vector<std::pair<std::string, v8::Global<v8::String>>> common;
  std::vector<uint8_t> common_by_length[kMaxCommonLength + 1];
};

const char* const kCommonHeaders[] = {
    "Host", "host", "Connection", "connection", "Content-Length", "content-length",
    "Content-Type", "content-type", "User-Agent", "user-agent", "Accept", "accept",
    "Accept-Encoding", "accept-encoding", "Accept-Language", "accept-language",
    "Transfer-Encoding", "transfer-encoding", "Date", "date", "Keep-Alive", "keep-alive",
    "Cache-Control", "cache-control", "Cookie", "cookie", "Upgrade", "upgrade",
    "keep-alive", "close", "chunked", "Server", "server",
};

class Parser : public stream::StreamListener {
 public:
  Parser(Environment* env, v8::Local<v8::Object> object)
      : env_(env), data_(env->binding_data<ParserData>("http_parser")) {
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    llhttp_settings_init(&settings_);
    settings_.on_message_begin = OnMessageBegin;
    settings_.on_url = OnUrl;
    settings_.on_status = OnStatus;
    settings_.on_header_field = OnHeaderField;
    settings_.on_header_value = OnHeaderValue;
    settings_.on_headers_complete = OnHeadersComplete;
    settings_.on_body = OnBody;
    settings_.on_message_complete = OnMessageComplete;
    settings_.on_chunk_header = OnChunkHeader;
    settings_.on_chunk_extension_name = OnChunkExtension;
    settings_.on_chunk_extension_value = OnChunkExtension;
    Init(HTTP_REQUEST, 16384, false);
  }

  ~Parser() override {
    if (socket_ != nullptr) socket_->set_listener(nullptr);
  }

  static Parser* Unwrap(v8::Local<v8::Object> object) {
    return static_cast<Parser*>(object->GetAlignedPointerFromInternalField(0));
  }

  void Init(llhttp_type_t type, uint64_t max_header_size, bool lenient) {
    llhttp_init(&parser_, type, &settings_);
    parser_.data = this;
    lenient_ = lenient;
    last_byte_ = '\n';
    if (lenient) {
      llhttp_set_lenient_headers(&parser_, 1);
      llhttp_set_lenient_chunked_length(&parser_, 1);
      llhttp_set_lenient_keep_alive(&parser_, 1);
      llhttp_set_lenient_transfer_encoding(&parser_, 1);
    }
    max_header_size_ = max_header_size;
    message_start_ms_ = NowMs();
    headers_completed_ = false;
    header_nread_ = 0;
    headers_.clear();
    url_.clear();
    status_message_.clear();
    in_trailers_ = false;
    chunk_extensions_nread_ = 0;
    paused_ = false;
    headers_deferred_ = false;
  }

  // Runs llhttp over data. Returns the bytes parsed, or an Error; empty if a callback threw
  // (the exception is pending).
  v8::MaybeLocal<v8::Value> Execute(const char* data, size_t len) {
    got_exception_ = false;
    current_data_ = data;
    llhttp_errno_t err = len == 0 ? llhttp_finish(&parser_) : llhttp_execute(&parser_, data, len);
    if (len > 0) last_byte_ = data[len - 1];
    // Headers whose message goes on in a later read are reported now.
    if (headers_deferred_) ReportHeaders(false);
    current_data_ = nullptr;
    size_t nread = len;
    if (err != HPE_OK && len > 0) {
      // A parser already failed keeps its old error position, outside this data.
      const char* pos = llhttp_get_error_pos(&parser_);
      nread = pos != nullptr && pos >= data && pos <= data + len ? static_cast<size_t>(pos - data) : 0;
      if (err == HPE_PAUSED_UPGRADE) {
        err = HPE_OK;
        llhttp_resume_after_upgrade(&parser_);
      } else if (err == HPE_PAUSED) {
        err = HPE_OK;
      }
    }
    if (got_exception_) return {};
    v8::Isolate* isolate = env_->isolate();
    if (err != HPE_OK) return MakeError(err, nread);
    if (len == 0) return v8::Undefined(isolate);
    return v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(nread));
  }

  v8::Local<v8::Value> MakeError(llhttp_errno_t err, size_t nread) {
    v8::Isolate* isolate = env_->isolate();
    v8::Local<v8::Context> context = env_->context();
    ParserData* data = Data();
    const char* reason_text = llhttp_get_error_reason(&parser_);
    std::string code = llhttp_errno_name(err);
    std::string reason = reason_text != nullptr ? reason_text : "";
    if (err == HPE_USER) {
      // Our own errors carry "CODE:reason".
      size_t colon = reason.find(':');
      if (colon != std::string::npos) {
        code = reason.substr(0, colon);
        reason = reason.substr(colon + 1);
      }
    }
    std::string message = "Parse Error: " + reason;
    v8::Local<v8::Object> error =
        v8::Exception::Error(Utf8String(isolate, message)).As<v8::Object>();
    USE(error->Set(context, data->bytes_parsed.Get(isolate),
                   v8::Number::New(isolate, static_cast<double>(nread))));
    USE(error->Set(context, data->code.Get(isolate), Utf8String(isolate, code)));
    USE(error->Set(context, data->reason.Get(isolate), Utf8String(isolate, reason)));
    return error;
  }

  bool Expired(uint64_t headers_timeout, uint64_t request_timeout) {
    if (message_start_ms_ == 0) return false;
    uint64_t age = NowMs() - message_start_ms_;
    bool expired = (!headers_completed_ && headers_timeout > 0 && age >= headers_timeout) ||
                   (request_timeout > 0 && age >= request_timeout);
    if (expired) message_start_ms_ = 0;
    return expired;
  }

  void Pause() {
    if (!paused_) {
      llhttp_pause(&parser_);
      paused_ = true;
    }
  }
  void Resume() {
    if (paused_) {
      llhttp_resume(&parser_);
      paused_ = false;
    }
  }

  int Consume(stream::StreamSocket* socket) {
    if (socket_ == socket) return 0;
    if (socket_ != nullptr) socket_->set_listener(nullptr);
    socket_ = socket;
    socket->set_listener(this);
    // Alive while a socket feeds it.
    object_.ClearWeak();
    return 0;
  }

  void Unconsume() {
    if (socket_ == nullptr) return;
    stream::StreamSocket* socket = socket_;
    socket_ = nullptr;
    socket->set_listener(nullptr);
  }

  // stream::StreamListener
  void OnStreamRead(stream::StreamSocket* socket, ssize_t nread, const char* data) override {
    v8::Isolate* isolate = env_->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Object> self = object_.Get(isolate);  // Alive for the whole call.
    v8::Local<v8::Value> result;
    {
      v8::TryCatch try_catch(isolate);
      bool ok = Execute(data, static_cast<size_t>(nread)).ToLocal(&result);
      if (!ok || try_catch.HasCaught()) {
        if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
          TriggerUncaughtException(env_, try_catch.Exception(), try_catch.Message());
        }
        return;
      }
    }
    bool upgraded = parser_.upgrade != 0 && result->IsNumber() &&
                    result.As<v8::Number>()->Value() < static_cast<double>(nread);
    if (!result->IsNumber() || upgraded || parser_.upgrade != 0) {
      // An error or an upgrade: JS takes over the socket.
      v8::Local<v8::Value> rest = v8::Undefined(isolate);
      {
        // After an upgrade: the bytes past the request. After an error: the whole chunk being
        // parsed (the error's rawPacket).
        size_t used =
            result->IsNumber() ? static_cast<size_t>(result.As<v8::Number>()->Value()) : 0;
        size_t left = static_cast<size_t>(nread) - used;
        std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, left);
        if (left > 0) memcpy(store->Data(), data + used, left);
        rest = v8::ArrayBuffer::New(isolate, std::move(store));
      }
      v8::Local<v8::Value> fn;
      if (!data_->cb_execute.IsEmpty()) {
        fn = data_->cb_execute.Get(isolate);
      } else if (!self->Get(env_->context(), data_->on_execute.Get(isolate)).ToLocal(&fn)) {
        return;
      }
      if (!fn->IsFunction()) return;
      v8::Local<v8::Value> argv[] = {result, rest};
      v8::TryCatch try_catch(isolate);
      USE(CallInResourceContext(env_, fn.As<v8::Function>(), self, 2, argv));
      if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
        TriggerUncaughtException(env_, try_catch.Exception(), try_catch.Message());
      }
    }
    (void)socket;
  }

  void OnStreamDetach(stream::StreamSocket* socket) override {
    if (socket_ == socket) socket_ = nullptr;
    if (!object_.IsEmpty()) object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
  }

 private:
  static Parser* From(llhttp_t* p) { return static_cast<Parser*>(p->data); }

  // A millisecond clock for the request timeouts; never 0 (0 means "between messages").
  static uint64_t NowMs() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1000 + static_cast<uint64_t>(ts.tv_nsec) / 1000000 + 1;
  }

  ParserData* Data() { return data_; }

  // Whether the byte before `at` (a header field's start) is LF, as a field follows a line end.
  bool AfterLineFeed(const char* at) const {
    if (current_data_ == nullptr) return true;
    return at > current_data_ ? at[-1] == '\n' : last_byte_ == '\n';
  }

  static void OnCollected(const v8::WeakCallbackInfo<Parser>& info) {
    Parser* parser = info.GetParameter();
    parser->object_.Reset();
    delete parser;
  }

  // Counts start-line and header bytes; false (and the parser's error set) when over the limit.
  bool Track(size_t len) {
    header_nread_ += len;
    if (max_header_size_ != 0 && header_nread_ >= max_header_size_) {
      llhttp_set_error_reason(&parser_, "HPE_HEADER_OVERFLOW:Header overflow");
      return false;
    }
    return true;
  }

  // As node: a chunk's extensions (names and values) may take 16 KiB, else the message fails
  // with HPE_CHUNK_EXTENSIONS_OVERFLOW (a server answers 413).
  static constexpr size_t kMaxChunkExtensionsSize = 16384;

  static int OnChunkHeader(llhttp_t* p) {
    From(p)->chunk_extensions_nread_ = 0;
    return 0;
  }

  static int OnChunkExtension(llhttp_t* p, const char* at, size_t len) {
    Parser* self = From(p);
    (void)at;
    self->chunk_extensions_nread_ += len;
    if (self->chunk_extensions_nread_ > kMaxChunkExtensionsSize) {
      llhttp_set_error_reason(p, "HPE_CHUNK_EXTENSIONS_OVERFLOW:Chunk extensions overflow");
      return HPE_USER;
    }
    return 0;
  }

  static int OnMessageBegin(llhttp_t* p) {
    Parser* self = From(p);
    self->url_.clear();
    self->status_message_.clear();
    self->headers_.clear();
    self->header_nread_ = 0;
    self->in_trailers_ = false;
    self->chunk_extensions_nread_ = 0;
    self->last_was_value_ = true;
    self->message_start_ms_ = NowMs();
    self->headers_completed_ = false;
    return 0;
  }

  static int OnUrl(llhttp_t* p, const char* at, size_t len) {
    Parser* self = From(p);
    if (!self->Track(len)) return HPE_USER;
    self->url_.append(at, len);
    return 0;
  }

  static int OnStatus(llhttp_t* p, const char* at, size_t len) {
    Parser* self = From(p);
    if (!self->Track(len)) return HPE_USER;
    self->status_message_.append(at, len);
    return 0;
  }

  static int OnHeaderField(llhttp_t* p, const char* at, size_t len) {
    Parser* self = From(p);
    // A field after deferred headers is a trailer (empty chunked body): the headers go out
    // first so that the trailers do not join them.
    if (self->headers_deferred_ && self->ReportHeaders(false) < 0) return HPE_USER;
    if (!self->Track(len)) return HPE_USER;
    if (self->last_was_value_) {
      // llhttp 8.1 takes a bare CR for a line end ('x:\rTransfer-Encoding: chunked' gives a
      // field 'ransfer-Encoding'); node's newer llhttp answers that with HPE_STRICT.
      if (!self->lenient_ && !self->AfterLineFeed(at)) {
        llhttp_set_error_reason(p, "HPE_STRICT:Expected LF after CR");
        return HPE_USER;
      }
      self->headers_.emplace_back();
      self->last_was_value_ = false;
    }
    self->headers_.back().first.append(at, len);
    return 0;
  }

  static int OnHeaderValue(llhttp_t* p, const char* at, size_t len) {
    Parser* self = From(p);
    if (!self->Track(len)) return HPE_USER;
    // A second piece of a value within one read is a continuation line (obs-fold), which
    // node's newer llhttp refuses ('Transfer-Encoding: chunked\r\n , chunked-false').
    if (self->last_was_value_ && !self->lenient_ && self->current_data_ != nullptr &&
        at > self->current_data_ && !self->headers_.empty()) {
      llhttp_set_error_reason(p, "HPE_INVALID_HEADER_TOKEN:Unexpected whitespace after header value");
      return HPE_USER;
    }
    if (self->headers_.empty()) self->headers_.emplace_back();
    self->headers_.back().second.append(at, len);
    self->last_was_value_ = true;
    return 0;
  }

  v8::Local<v8::String> HeaderString(const std::string& s) {
    v8::Isolate* isolate = env_->isolate();
    if (s.size() <= kMaxCommonLength) {
      const ParserData* data = Data();
      for (uint8_t index : data->common_by_length[s.size()]) {
        const auto& entry = data->common[index];
        if (memcmp(entry.first.data(), s.data(), s.size()) == 0) return entry.second.Get(isolate);
      }
    }
    return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(s.data()),
                                      v8::NewStringType::kNormal, static_cast<int>(s.size()))
        .ToLocalChecked();
  }

  v8::Local<v8::Array> HeadersArray() {
    v8::Isolate* isolate = env_->isolate();
    size_t n = headers_.size();
    std::vector<v8::Local<v8::Value>> values;
    values.reserve(n * 2);
    for (auto& header : headers_) {
      std::string& value = header.second;
      size_t end = value.size();
      while (end > 0 && (value[end - 1] == ' ' || value[end - 1] == '\t')) end--;
      value.resize(end);
      values.push_back(HeaderString(header.first));
      values.push_back(HeaderString(value));
    }
    return v8::Array::New(isolate, values.data(), values.size());
  }

  // Calls a JS callback (the registered one, else the parser's property); an exception stops
  // the parser (got_exception_).
  v8::MaybeLocal<v8::Value> CallJs(const v8::Global<v8::Function>& registered,
                                    v8::Local<v8::String> name, int argc,
                                    v8::Local<v8::Value>* argv) {
    v8::Isolate* isolate = env_->isolate();
    v8::Local<v8::Object> self = object_.Get(isolate);
    v8::Local<v8::Value> fn;
    if (!registered.IsEmpty()) {
      fn = registered.Get(isolate);
    } else if (!self->Get(env_->context(), name).ToLocal(&fn)) {
      got_exception_ = true;
      return {};
    }
    if (!fn->IsFunction()) return v8::Undefined(isolate);
    v8::MaybeLocal<v8::Value> result =
        CallInResourceContext(env_, fn.As<v8::Function>(), self, argc, argv);
    if (result.IsEmpty()) got_exception_ = true;
    return result;
  }

  // A request's headers wait for what follows in the same read: when the message ends there
  // too (no body, the common case), one JS call reports both (onHeadersAndComplete), as the two
  // calls would have back to back. A body, the end of the read or an upgrade reports them first.
  static int OnHeadersComplete(llhttp_t* p) {
    Parser* self = From(p);
    self->headers_completed_ = true;
    if (p->type == HTTP_REQUEST && p->upgrade == 0 && !self->data_->cb_headers_message.IsEmpty()) {
      self->headers_deferred_ = true;
      self->deferred_keep_alive_ = llhttp_should_keep_alive(p) != 0;
      return 0;
    }
    return self->ReportHeaders(false);
  }

  // Calls onHeadersComplete (or, with message_complete, onHeadersAndComplete) for the message
  // whose headers are complete. Returns llhttp's answer: 0, 1 (no body), 2 (upgrade), or -1
  // when the callback threw.
  int ReportHeaders(bool message_complete) {
    llhttp_t* p = &parser_;
    Parser* self = this;
    bool keep_alive =
        headers_deferred_ ? deferred_keep_alive_ : llhttp_should_keep_alive(p) != 0;
    headers_deferred_ = false;
    Environment* env = self->env_;
    v8::Isolate* isolate = env->isolate();
    v8::HandleScope scope(isolate);
    ParserData* data = self->Data();
    v8::Local<v8::Value> undefined = v8::Undefined(isolate);
    v8::Local<v8::Value> argv[9] = {
        v8::Integer::New(isolate, p->http_major),
        v8::Integer::New(isolate, p->http_minor),
        self->HeadersArray(),
        undefined,
        undefined,
        undefined,
        undefined,
        v8::Boolean::New(isolate, p->upgrade != 0),
        v8::Boolean::New(isolate, keep_alive),
    };
    if (p->type == HTTP_REQUEST) {
      argv[3] = v8::Integer::New(isolate, p->method);
      argv[4] = v8::String::NewFromOneByte(isolate,
                                           reinterpret_cast<const uint8_t*>(self->url_.data()),
                                           v8::NewStringType::kNormal,
                                           static_cast<int>(self->url_.size()))
                    .ToLocalChecked();
    } else {
      argv[5] = v8::Integer::New(isolate, p->status_code);
      argv[6] = v8::String::NewFromOneByte(
                    isolate, reinterpret_cast<const uint8_t*>(self->status_message_.data()),
                    v8::NewStringType::kNormal, static_cast<int>(self->status_message_.size()))
                    .ToLocalChecked();
    }
    self->headers_.clear();
    self->in_trailers_ = true;
    self->last_was_value_ = true;
    v8::Local<v8::Value> result;
    if (message_complete) {
      self->EndMessage();
      if (!self->CallJs(data->cb_headers_message, data->on_headers_complete.Get(isolate), 9,
                        argv).ToLocal(&result)) {
        return -1;
      }
      return 0;
    }
    if (!self->CallJs(data->cb_headers, data->on_headers_complete.Get(isolate), 9, argv).ToLocal(&result)) {
      return -1;
    }
    int ret = result->IsInt32() ? result.As<v8::Int32>()->Value() : 0;
    return ret == 1 || ret == 2 ? ret : 0;
  }

  static int OnBody(llhttp_t* p, const char* at, size_t len) {
    Parser* self = From(p);
    if (len == 0) return 0;
    if (self->headers_deferred_ && self->ReportHeaders(false) < 0) return HPE_USER;
    v8::Isolate* isolate = self->env_->isolate();
    v8::HandleScope scope(isolate);
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, len);
    memcpy(store->Data(), at, len);
    v8::Local<v8::Value> argv[] = {v8::ArrayBuffer::New(isolate, std::move(store))};
    if (self->CallJs(self->data_->cb_body, self->data_->on_body.Get(isolate), 1, argv).IsEmpty()) return HPE_USER;
    return 0;
  }

  // The message is over: back to "between messages".
  void EndMessage() {
    headers_.clear();
    in_trailers_ = false;
    header_nread_ = 0;
    message_start_ms_ = 0;
  }

  static int OnMessageComplete(llhttp_t* p) {
    Parser* self = From(p);
    if (self->headers_deferred_) return self->ReportHeaders(true) < 0 ? -1 : 0;
    v8::Isolate* isolate = self->env_->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Value> argv[] = {v8::Undefined(isolate)};
    if (!self->headers_.empty()) argv[0] = self->HeadersArray();
    self->EndMessage();
    if (self->CallJs(self->data_->cb_message, self->data_->on_message_complete.Get(isolate), 1,
                     argv).IsEmpty()) {
      return -1;
    }
    return 0;
  }

  Environment* env_;
  ParserData* data_;
  v8::Global<v8::Object> object_;
  llhttp_t parser_;
  llhttp_settings_t settings_;
  std::string url_;
  std::string status_message_;
  std::vector<std::pair<std::string, std::string>> headers_;
  bool last_was_value_ = true;
  bool in_trailers_ = false;
  size_t chunk_extensions_nread_ = 0;
  // A request's headers are complete but not reported yet (OnHeadersComplete).
  bool headers_deferred_ = false;
  bool deferred_keep_alive_ = false;
  bool got_exception_ = false;
  bool paused_ = false;
  uint64_t max_header_size_ = 16384;
  uint64_t header_nread_ = 0;
  // When the message being received started (NowMs), 0 between messages.
  uint64_t message_start_ms_ = 0;
  bool headers_completed_ = false;
  const char* current_data_ = nullptr;
  // The last byte of the previous read: what precedes a field starting a read.
  char last_byte_ = '\n';
  bool lenient_ = false;
  stream::StreamSocket* socket_ = nullptr;
};

Parser* Self(const v8::FunctionCallbackInfo<v8::Value>& info) {
  return Parser::Unwrap(info.This());
}

void New(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (!info.IsConstructCall()) return ThrowTypeError(info.GetIsolate(), "HTTPParser needs new");
  new Parser(Environment::From(info), info.This());
}

// initialize(type, maxHeaderSize, lenient)
void Initialize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Parser* parser = Self(info);
  int type = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : HTTP_REQUEST;
  double max = info[1]->IsNumber() ? info[1].As<v8::Number>()->Value() : 16384;
  parser->Init(type == HTTP_RESPONSE ? HTTP_RESPONSE : HTTP_REQUEST,
               max > 0 ? static_cast<uint64_t>(max) : 16384, info[2]->IsTrue());
  // Its callbacks run in the context of whoever set it up for a connection, as node's.
  CaptureAsyncContext(Environment::From(info), info.This());
}

void Execute(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Parser* parser = Self(info);
  if (!info[0]->IsArrayBufferView()) {
    return ThrowTypeError(info.GetIsolate(), "execute(buffer)");
  }
  v8::Local<v8::ArrayBufferView> view = info[0].As<v8::ArrayBufferView>();
  size_t len = view->ByteLength();
  if (len == 0) return info.GetReturnValue().Set(0);
  const char* data;
  std::vector<char> copy;
  if (view->HasBuffer()) {
    data = static_cast<const char*>(view->Buffer()->Data()) + view->ByteOffset();
  } else {
    copy.resize(len);
    view->CopyContents(copy.data(), len);
    data = copy.data();
  }
  v8::Local<v8::Value> result;
  if (parser->Execute(data, len).ToLocal(&result)) info.GetReturnValue().Set(result);
}

void Finish(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Parser* parser = Self(info);
  v8::Local<v8::Value> result;
  if (parser->Execute(nullptr, 0).ToLocal(&result)) info.GetReturnValue().Set(result);
}

void Pause(const v8::FunctionCallbackInfo<v8::Value>& info) { Self(info)->Pause(); }
void Resume(const v8::FunctionCallbackInfo<v8::Value>& info) { Self(info)->Resume(); }

void Consume(const v8::FunctionCallbackInfo<v8::Value>& info) {
  stream::StreamSocket* socket = stream::StreamSocket::Unwrap(info[0]);
  if (socket == nullptr) return info.GetReturnValue().Set(false);
  Self(info)->Consume(socket);
  info.GetReturnValue().Set(true);
}

void Unconsume(const v8::FunctionCallbackInfo<v8::Value>& info) { Self(info)->Unconsume(); }

// expired(headersTimeout, requestTimeout)
void ExpiredMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto limit = [](v8::Local<v8::Value> value) -> uint64_t {
    if (!value->IsNumber()) return 0;
    double ms = value.As<v8::Number>()->Value();
    return ms > 0 ? static_cast<uint64_t>(ms) : 0;
  };
  info.GetReturnValue().Set(Self(info)->Expired(limit(info[0]), limit(info[1])));
}

void SetCallbacks(const v8::FunctionCallbackInfo<v8::Value>& info) {
  Environment* env = Environment::From(info);
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = env->context();
  if (!info[0]->IsObject()) return ThrowTypeError(isolate, "setCallbacks(object)");
  v8::Local<v8::Object> obj = info[0].As<v8::Object>();
  auto* data = env->binding_data<ParserData>("http_parser");
  auto take = [&](const char* name, v8::Global<v8::Function>* slot) {
    v8::Local<v8::Value> fn;
    if (obj->Get(context, OneByteString(isolate, name)).ToLocal(&fn) && fn->IsFunction()) {
      slot->Reset(isolate, fn.As<v8::Function>());
    }
  };
  take("onHeadersComplete", &data->cb_headers);
  take("onHeadersAndComplete", &data->cb_headers_message);
  take("onBody", &data->cb_body);
  take("onMessageComplete", &data->cb_message);
  take("onExecute", &data->cb_execute);
}

void InitializeBinding(Environment* env, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  auto* data = env->set_binding_data("http_parser", std::make_unique<ParserData>(isolate));
  for (const char* name : kCommonHeaders) {
    data->common_by_length[strlen(name)].push_back(static_cast<uint8_t>(data->common.size()));
    data->common.emplace_back(
        name, v8::Global<v8::String>(
                  isolate, v8::String::NewFromUtf8(isolate, name, v8::NewStringType::kInternalized)
                               .ToLocalChecked()));
  }

  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  tmpl->SetClassName(OneByteString(isolate, "HTTPParser"));
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    SetProtoMethod(isolate, tmpl, name, cb);
  };
  method("initialize", Initialize);
  method("execute", Execute);
  method("finish", Finish);
  method("pause", Pause);
  method("resume", Resume);
  method("consume", Consume);
  method("unconsume", Unconsume);
  method("close", Unconsume);
  method("expired", ExpiredMethod);
  v8::Local<v8::Function> ctor = tmpl->GetFunction(context).ToLocalChecked();
  SetConstant(context, ctor, "REQUEST", HTTP_REQUEST);
  SetConstant(context, ctor, "RESPONSE", HTTP_RESPONSE);
  SetValue(context, target, "HTTPParser", ctor);
  SetMethod(context, target, "setCallbacks", SetCallbacks);

  // Method names by llhttp id; `methods` (node's http.METHODS source) are the HTTP ones.
  std::vector<v8::Local<v8::Value>> all;
  std::vector<v8::Local<v8::Value>> http;
  for (int i = 0; i <= HTTP_FLUSH; i++) {
    const char* name = llhttp_method_name(static_cast<llhttp_method_t>(i));
    all.push_back(OneByteString(isolate, name));
    if (i <= HTTP_SOURCE) http.push_back(OneByteString(isolate, name));
  }
  SetValue(context, target, "allMethods", v8::Array::New(isolate, all.data(), all.size()));
  SetValue(context, target, "methods", v8::Array::New(isolate, http.data(), http.size()));
}

}  // namespace
}  // namespace ringjs::http_parser

RINGJS_BINDING(http_parser, ringjs::http_parser::InitializeBinding)
