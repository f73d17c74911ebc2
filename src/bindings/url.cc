// internalBinding('url'): IDNA (UTS #46) for the WHATWG URL host parser and
// url.domainToASCII/domainToUnicode, through the system ICU (libicuuc, which libnode loads
// anyway). Everything else about URLs is JS (lib/js/internal/url.js).
//
//   domainToASCII(domain)   -> the ASCII form, or undefined when UTS #46 ToASCII fails
//   domainToUnicode(domain) -> the Unicode form (errors ignored, as the URL Standard's
//                              "domain to Unicode" returns its result regardless)
//
// Options are the URL Standard's: CheckHyphens=false, CheckJoiners=true, UseSTD3ASCIIRules=false,
// Transitional_Processing=false, VerifyDnsLength=false. CheckBidi is done here rather than by
// ICU, the way node's URL parser (ada) does it, which is laxer than RFC 5893 (see BidiOk).
#include <unicode/uchar.h>
#include <unicode/uidna.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "runtime/binding.h"

namespace ringjs::url {
namespace {

// A UTS #46 IDNA object is immutable and thread-safe once built (ICU's documentation), so one
// per process serves every isolate; it is never freed.
const UIDNA* Uts46() {
  static const UIDNA* idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA* created = uidna_openUTS46(UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
                                         UIDNA_NONTRANSITIONAL_TO_UNICODE,
                                     &status);
    return U_FAILURE(status) ? nullptr : created;
  }();
  return idna;
}

// Errors that only exist because of CheckHyphens or VerifyDnsLength, both off for URLs.
constexpr uint32_t kIgnoredErrors = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                    UIDNA_ERROR_DOMAIN_NAME_TOO_LONG |
                                    UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN |
                                    UIDNA_ERROR_HYPHEN_3_4;

using Convert = int32_t (*)(const UIDNA*, const UChar*, int32_t, UChar*, int32_t, UIDNAInfo*,
                            UErrorCode*);

// Runs one ICU conversion on info[0] (a string); returns false when ICU itself failed.
bool Run(const v8::FunctionCallbackInfo<v8::Value>& info, Convert convert,
         std::vector<UChar>* out, uint32_t* errors) {
  v8::Isolate* isolate = info.GetIsolate();
  const UIDNA* idna = Uts46();
  if (idna == nullptr || !info[0]->IsString()) return false;
  v8::Local<v8::String> input = info[0].As<v8::String>();
  std::vector<UChar> src(static_cast<size_t>(input->Length()) + 1);
  input->Write(isolate, reinterpret_cast<uint16_t*>(src.data()), 0, input->Length(),
               v8::String::NO_NULL_TERMINATION);
  int32_t src_length = input->Length();
  out->resize(static_cast<size_t>(src_length) * 4 + 64);
  for (int attempt = 0; attempt < 2; attempt++) {
    UErrorCode status = U_ZERO_ERROR;
    UIDNAInfo idna_info = UIDNA_INFO_INITIALIZER;
    int32_t length = convert(idna, src.data(), src_length, out->data(),
                             static_cast<int32_t>(out->size()), &idna_info, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out->resize(static_cast<size_t>(length) + 1);
      continue;
    }
    if (U_FAILURE(status)) return false;
    out->resize(static_cast<size_t>(length));
    *errors = idna_info.errors;
    return true;
  }
  return false;
}

void ReturnUChars(const v8::FunctionCallbackInfo<v8::Value>& info,
                  const std::vector<UChar>& chars) {
  v8::Local<v8::String> result;
  if (v8::String::NewFromTwoByte(info.GetIsolate(),
                                 reinterpret_cast<const uint16_t*>(chars.data()),
                                 v8::NewStringType::kNormal, static_cast<int>(chars.size()))
          .ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

// The bidi check of node's URL parser, per label of the Unicode form (observed behaviour):
// a label without R, AL or AN characters is not checked. One that starts with an L character
// only must not have R, AL or AN strictly between its first and its last non-NSM character.
// Any other is held to RFC 5893's rules for right-to-left labels (allowed classes, the class of
// the last non-NSM character, not both EN and AN); rule 1 (the first character) is not applied.
bool IsOneOf(UCharDirection d, std::initializer_list<UCharDirection> set) {
  for (UCharDirection s : set) {
    if (d == s) return true;
  }
  return false;
}

bool LabelBidiOk(const std::vector<UCharDirection>& dirs) {
  bool rtl = false;
  for (UCharDirection d : dirs) {
    if (IsOneOf(d, {U_RIGHT_TO_LEFT, U_RIGHT_TO_LEFT_ARABIC, U_ARABIC_NUMBER})) rtl = true;
  }
  if (!rtl) return true;
  size_t last = dirs.size();
  while (last > 0 && dirs[last - 1] == U_DIR_NON_SPACING_MARK) last--;
  if (last == 0) return true;
  last--;
  if (dirs[0] == U_LEFT_TO_RIGHT) {
    for (size_t i = 1; i < last; i++) {
      if (!IsOneOf(dirs[i], {U_LEFT_TO_RIGHT, U_EUROPEAN_NUMBER, U_EUROPEAN_NUMBER_SEPARATOR,
                             U_COMMON_NUMBER_SEPARATOR, U_EUROPEAN_NUMBER_TERMINATOR,
                             U_OTHER_NEUTRAL, U_BOUNDARY_NEUTRAL, U_DIR_NON_SPACING_MARK})) {
        return false;
      }
    }
    return true;
  }
  bool en = false;
  bool an = false;
  for (UCharDirection d : dirs) {
    if (!IsOneOf(d, {U_RIGHT_TO_LEFT, U_RIGHT_TO_LEFT_ARABIC, U_ARABIC_NUMBER,
                     U_EUROPEAN_NUMBER, U_EUROPEAN_NUMBER_SEPARATOR, U_COMMON_NUMBER_SEPARATOR,
                     U_EUROPEAN_NUMBER_TERMINATOR, U_OTHER_NEUTRAL, U_BOUNDARY_NEUTRAL,
                     U_DIR_NON_SPACING_MARK})) {
      return false;
    }
    if (d == U_EUROPEAN_NUMBER) en = true;
    if (d == U_ARABIC_NUMBER) an = true;
  }
  if (!IsOneOf(dirs[last], {U_RIGHT_TO_LEFT, U_RIGHT_TO_LEFT_ARABIC, U_EUROPEAN_NUMBER,
                            U_ARABIC_NUMBER})) {
    return false;
  }
  return !(en && an);
}

bool BidiOk(const std::vector<UChar>& unicode) {
  std::vector<UCharDirection> dirs;
  size_t i = 0;
  const size_t length = unicode.size();
  while (i <= length) {
    if (i == length || unicode[i] == u'.') {
      if (!LabelBidiOk(dirs)) return false;
      dirs.clear();
      i++;
      continue;
    }
    UChar32 c;
    U16_NEXT(unicode.data(), i, length, c);
    dirs.push_back(u_charDirection(c));
  }
  return true;
}

// node's URL parser takes an ACE label whose Punycode has no encoded part ("xn--abc-", which
// decodes to plain ASCII); ICU rejects it (INVALID_ACE_LABEL, marking it with a trailing
// U+FFFD). When that is the only error, each label of ICU's output is checked on its own:
// those of that form are accepted as they are, any other must pass ICU alone.
bool IsAsciiOnlyAceLabel(const UChar* label, size_t length) {
  if (length < 5 || label[length - 1] != u'-') return false;
  if (!((label[0] | 0x20) == u'x' && (label[1] | 0x20) == u'n' && label[2] == u'-' &&
        label[3] == u'-')) {
    return false;
  }
  for (size_t i = 0; i < length; i++) {
    if (label[i] >= 0x80) return false;
  }
  return true;
}

bool AcceptAsciiAceLabels(std::vector<UChar>* out) {
  std::vector<UChar> fixed;
  std::vector<UChar> scratch;
  size_t start = 0;
  const size_t length = out->size();
  for (size_t i = 0; i <= length; i++) {
    if (i < length && (*out)[i] != u'.') continue;
    const UChar* label = out->data() + start;
    size_t label_length = i - start;
    if (label_length > 0 && label[label_length - 1] == 0xfffd) label_length--;
    if (!IsAsciiOnlyAceLabel(label, label_length)) {
      scratch.resize(label_length * 4 + 64);
      UErrorCode status = U_ZERO_ERROR;
      UIDNAInfo idna_info = UIDNA_INFO_INITIALIZER;
      int32_t n = uidna_labelToASCII(Uts46(), label, static_cast<int32_t>(label_length),
                                     scratch.data(), static_cast<int32_t>(scratch.size()),
                                     &idna_info, &status);
      if (U_FAILURE(status) || (idna_info.errors & ~kIgnoredErrors) != 0) return false;
      label = scratch.data();
      label_length = static_cast<size_t>(n);
    }
    fixed.insert(fixed.end(), label, label + label_length);
    if (i < length) fixed.push_back(u'.');
    start = i + 1;
  }
  out->swap(fixed);
  return true;
}

void DomainToASCII(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::vector<UChar> out;
  uint32_t errors = 0;
  if (!Run(info, uidna_nameToASCII, &out, &errors)) return;
  errors &= ~kIgnoredErrors;
  if (errors == UIDNA_ERROR_INVALID_ACE_LABEL) {
    if (!AcceptAsciiAceLabels(&out)) return;
  } else if (errors != 0) {
    return;
  }
  std::vector<UChar> unicode;
  UErrorCode status = U_ZERO_ERROR;
  UIDNAInfo idna_info = UIDNA_INFO_INITIALIZER;
  unicode.resize(out.size() + 16);
  int32_t length;
  for (;;) {
    status = U_ZERO_ERROR;
    length = uidna_nameToUnicode(Uts46(), out.data(), static_cast<int32_t>(out.size()),
                                 unicode.data(), static_cast<int32_t>(unicode.size()),
                                 &idna_info, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    unicode.resize(static_cast<size_t>(length) + 1);
  }
  if (U_FAILURE(status)) return;
  unicode.resize(static_cast<size_t>(length));
  if (!BidiOk(unicode)) return;
  ReturnUChars(info, out);
}

void DomainToUnicode(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::vector<UChar> out;
  uint32_t errors = 0;
  if (!Run(info, uidna_nameToUnicode, &out, &errors)) return;
  ReturnUChars(info, out);
}

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "domainToASCII", DomainToASCII);
  SetMethod(context, target, "domainToUnicode", DomainToUnicode);
}

}  // namespace
}  // namespace ringjs::url

RINGJS_BINDING(url, ringjs::url::Initialize)
