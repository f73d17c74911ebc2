// A certificate's fields as node prints them: the getPeerCertificate() / toLegacyObject()
// object (CertificateToObject) and the texts X509Certificate shows (subjectAltName,
// infoAccess, fingerprints, dates, serial number).
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>
#include <openssl/core_names.h>

#include <string>
#include <vector>

#include "bindings/crypto_x509.h"

namespace ringjs::crypto {

namespace {


bool Set(v8::Local<v8::Context> context, v8::Local<v8::Object> obj, const char* key,
         v8::Local<v8::Value> value) {
  return obj->Set(context, OneByteString(context->GetIsolate(), key), value).IsJust();
}

std::string BioToString(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, len > 0 ? len : 0);
}

// A name as a null-prototype object: short name -> value, repeated names as arrays.
v8::MaybeLocal<v8::Object> NameToObject(v8::Local<v8::Context> context, X509_NAME* name) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Object> obj = v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; i++) {
    X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    ASN1_OBJECT* object = X509_NAME_ENTRY_get_object(entry);
    int nid = OBJ_obj2nid(object);
    char key_buf[80];
    const char* key;
    if (nid != NID_undef) {
      key = OBJ_nid2sn(nid);
    } else {
      OBJ_obj2txt(key_buf, sizeof(key_buf), object, 1);
      key = key_buf;
    }
    unsigned char* utf8 = nullptr;
    int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
    if (len < 0) continue;
    v8::Local<v8::Value> value = Utf8String(isolate, std::string_view(
                                                         reinterpret_cast<char*>(utf8), len));
    OPENSSL_free(utf8);
    v8::Local<v8::String> k = Utf8String(isolate, key);
    v8::Local<v8::Value> existing;
    if (!obj->Get(context, k).ToLocal(&existing)) return {};
    if (existing->IsUndefined()) {
      if (obj->Set(context, k, value).IsNothing()) return {};
    } else if (existing->IsArray()) {
      v8::Local<v8::Array> arr = existing.As<v8::Array>();
      if (arr->Set(context, arr->Length(), value).IsNothing()) return {};
    } else {
      v8::Local<v8::Value> both[] = {existing, value};
      if (obj->Set(context, k, v8::Array::New(isolate, both, 2)).IsNothing()) return {};
    }
  }
  return obj;
}

// A subjectAltName value as printed by node: a value that could make the comma-separated list
// ambiguous (commas, quotes, backslashes, control or non-ASCII bytes) is JSON-quoted. A utf8
// value (a printed directory name) keeps its non-ASCII bytes; other strings are bytes, and
// those show as \u00XX.
void AppendName(std::string* out, const char* prefix, std::string_view value,
                bool utf8 = false) {
  bool quote = false;
  for (char c : value) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == ',' || c == '\'' || c == '"' || c == '\\' || u < 0x20 || u >= 0x7f) quote = true;
  }
  *out += prefix;
  if (!quote) {
    out->append(value);
    return;
  }
  *out += '"';
  for (char c : value) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += c;
    } else if (u < 0x20 || u == 0x7f || (u > 0x7f && !utf8) || c == ',') {
      // Bytes as \u00XX (node's JSON-like form); a comma too, so a quoted value never reads
      // as a list separator.
      char buf[8];
      snprintf(buf, sizeof(buf), "\\u%04x", u);
      *out += buf;
    } else {
      *out += c;
    }
  }
  *out += '"';
}

bool PrintGeneralName(std::string* out, GENERAL_NAME* gen) {
  switch (gen->type) {
    case GEN_DNS: {
      ASN1_IA5STRING* s = gen->d.dNSName;
      AppendName(out, "DNS:", std::string_view(reinterpret_cast<const char*>(s->data), s->length));
      return true;
    }
    case GEN_URI: {
      ASN1_IA5STRING* s = gen->d.uniformResourceIdentifier;
      AppendName(out, "URI:", std::string_view(reinterpret_cast<const char*>(s->data), s->length));
      return true;
    }
    case GEN_EMAIL: {
      ASN1_IA5STRING* s = gen->d.rfc822Name;
      AppendName(out, "email:",
                 std::string_view(reinterpret_cast<const char*>(s->data), s->length));
      return true;
    }
    case GEN_IPADD: {
      ASN1_OCTET_STRING* ip = gen->d.iPAddress;
      char buf[64];
      if (ip->length == 4) {
        snprintf(buf, sizeof(buf), "%d.%d.%d.%d", ip->data[0], ip->data[1], ip->data[2],
                 ip->data[3]);
      } else if (ip->length == 16) {
        // Every group, uncompressed, as OpenSSL prints them.
        std::string s;
        for (int i = 0; i < 16; i += 2) {
          char group[8];
          snprintf(group, sizeof(group), "%X", (ip->data[i] << 8) | ip->data[i + 1]);
          if (i > 0) s += ':';
          s += group;
        }
        snprintf(buf, sizeof(buf), "%s", s.c_str());
      } else {
        snprintf(buf, sizeof(buf), "<invalid length=%d>", ip->length);
      }
      *out += "IP Address:";
      *out += buf;
      return true;
    }
    case GEN_DIRNAME: {
      BIO* bio = BIO_new(BIO_s_mem());
      X509_NAME_print_ex(bio, gen->d.directoryName, 0,
                         XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB & ~ASN1_STRFLGS_ESC_CTRL);
      AppendName(out, "DirName:", BioToString(bio), true);
      BIO_free(bio);
      return true;
    }
    case GEN_RID: {
      char oid[128];
      OBJ_obj2txt(oid, sizeof(oid), gen->d.registeredID, 1);
      *out += "Registered ID:";
      *out += oid;
      return true;
    }
    case GEN_OTHERNAME: {
      // The two other-name forms OpenSSL 3 knows, with the string type each must have.
      OTHERNAME* other = gen->d.otherName;
      int nid = OBJ_obj2nid(other->type_id);
      ASN1_TYPE* value = other->value;
      if (nid == NID_XmppAddr && value->type == V_ASN1_UTF8STRING) {
        ASN1_STRING* str = value->value.utf8string;
        AppendName(out, "othername:",
                   "XmppAddr:" + std::string(reinterpret_cast<const char*>(str->data),
                                             str->length),
                   true);
      } else if (nid == NID_SRVName && value->type == V_ASN1_IA5STRING) {
        ASN1_STRING* str = value->value.ia5string;
        AppendName(out, "othername:",
                   "SRVName:" + std::string(reinterpret_cast<const char*>(str->data),
                                            str->length));
      } else {
        *out += "othername:<unsupported>";
      }
      return true;
    }
    default: {
      // Other names as OpenSSL prints them.
      BIO* bio = BIO_new(BIO_s_mem());
      GENERAL_NAME_print(bio, gen);
      *out += BioToString(bio);
      BIO_free(bio);
      return true;
    }
  }
}

v8::Local<v8::Value> BytesToBuffer(v8::Isolate* isolate, const unsigned char* data, size_t len) {
  return NewUint8Array(isolate, data, len);
}

bool SetPublicKey(v8::Local<v8::Context> context, v8::Local<v8::Object> obj, X509* cert) {
  v8::Isolate* isolate = context->GetIsolate();
  EVP_PKEY* pkey = X509_get0_pubkey(cert);
  if (pkey == nullptr) return true;
  int id = EVP_PKEY_get_base_id(pkey);
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    BIGNUM* n = nullptr;
    BIGNUM* e = nullptr;
    EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n);
    EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e);
    bool ok = true;
    if (n != nullptr) ok = Set(context, obj, "modulus", Utf8String(isolate, BignumHex(n)));
    if (ok) ok = Set(context, obj, "bits", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
    if (ok && e != nullptr) {
      // "0x10001": lower-case hex without leading zeros.
      std::string hex = BignumHex(e);
      for (char& c : hex) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
      size_t first = hex.find_first_not_of('0');
      hex = first == std::string::npos ? "0" : hex.substr(first);
      ok = Set(context, obj, "exponent", Utf8String(isolate, "0x" + hex));
    }
    BN_free(n);
    BN_free(e);
    if (!ok) return false;
    // DER of the RSAPublicKey, as node's i2d_RSA_PUBKEY... of the SubjectPublicKeyInfo.
    unsigned char* der = nullptr;
    int len = i2d_PUBKEY(pkey, &der);
    if (len > 0) {
      ok = Set(context, obj, "pubkey", BytesToBuffer(isolate, der, len));
      OPENSSL_free(der);
    }
    return ok;
  }
  if (id == EVP_PKEY_EC) {
    if (!Set(context, obj, "bits", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)))) {
      return false;
    }
    size_t len = 0;
    if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY, nullptr, 0, &len) == 1) {
      std::vector<unsigned char> point(len);
      if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY, point.data(), len,
                                          &len) == 1 &&
          !Set(context, obj, "pubkey", BytesToBuffer(isolate, point.data(), len))) {
        return false;
      }
    }
    char curve[80];
    size_t curve_len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, curve, sizeof(curve),
                                       &curve_len) == 1) {
      int nid = OBJ_sn2nid(curve);
      if (nid == NID_undef) nid = OBJ_ln2nid(curve);
      if (nid != NID_undef) {
        if (!Set(context, obj, "asn1Curve", Utf8String(isolate, OBJ_nid2sn(nid)))) return false;
        const char* nist = EC_curve_nid2nist(nid);
        if (nist != nullptr && !Set(context, obj, "nistCurve", Utf8String(isolate, nist))) {
          return false;
        }
      }
    }
  }
  ERR_clear_error();
  return true;
}

}  // namespace

// "AB:CD:..." over a digest of the DER form.
std::string Fingerprint(X509* cert, const EVP_MD* md) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (X509_digest(cert, md, digest, &len) != 1) return std::string();
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned int i = 0; i < len; i++) {
    if (i > 0) out += ':';
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

bool SubjectAltName(X509* cert, std::string* out) {
  int index = X509_get_ext_by_NID(cert, NID_subject_alt_name, -1);
  if (index < 0) return false;
  GENERAL_NAMES* names =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return false;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
    if (i > 0) *out += ", ";
    PrintGeneralName(out, sk_GENERAL_NAME_value(names, i));
  }
  GENERAL_NAMES_free(names);
  return true;
}

// "OCSP - URI:http://...\nCA Issuers - URI:...\n"; JS (translatePeerCertificate) parses it.
bool InfoAccess(X509* cert, std::string* out) {
  AUTHORITY_INFO_ACCESS* info = static_cast<AUTHORITY_INFO_ACCESS*>(
      X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr));
  if (info == nullptr) return false;
  for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(info); i++) {
    ACCESS_DESCRIPTION* desc = sk_ACCESS_DESCRIPTION_value(info, i);
    char method[128];
    i2t_ASN1_OBJECT(method, sizeof(method), desc->method);
    *out += method;
    *out += " - ";
    PrintGeneralName(out, desc->location);
    *out += '\n';
  }
  AUTHORITY_INFO_ACCESS_free(info);
  return true;
}

std::string TimeString(const ASN1_TIME* time) {
  BIO* bio = BIO_new(BIO_s_mem());
  ASN1_TIME_print(bio, time);
  std::string s = BioToString(bio);
  BIO_free(bio);
  return s;
}

std::string BignumHex(const BIGNUM* bn) {
  char* hex = BN_bn2hex(bn);
  if (hex == nullptr) return std::string();
  std::string s(hex);
  OPENSSL_free(hex);
  return s;
}

v8::Local<v8::Value> ExtendedKeyUsage(v8::Isolate* isolate, X509* cert) {
  EXTENDED_KEY_USAGE* eku = static_cast<EXTENDED_KEY_USAGE*>(
      X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
  ERR_clear_error();
  if (eku == nullptr) return v8::Undefined(isolate);
  std::vector<v8::Local<v8::Value>> oids;
  for (int i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
    char oid[128];
    if (OBJ_obj2txt(oid, sizeof(oid), sk_ASN1_OBJECT_value(eku, i), 1) >= 0) {
      oids.push_back(Utf8String(isolate, oid));
    }
  }
  sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
  return v8::Array::New(isolate, oids.data(), oids.size());
}

v8::MaybeLocal<v8::Object> CertificateToObject(Environment* env, X509* cert) {
  v8::Isolate* isolate = env->isolate();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Object> obj = v8::Object::New(isolate);
  if (cert == nullptr) return obj;
  v8::Local<v8::Object> name;
  if (!NameToObject(context, X509_get_subject_name(cert)).ToLocal(&name) ||
      !Set(context, obj, "subject", name)) {
    return {};
  }
  if (!NameToObject(context, X509_get_issuer_name(cert)).ToLocal(&name) ||
      !Set(context, obj, "issuer", name)) {
    return {};
  }
  std::string text;
  if (SubjectAltName(cert, &text) && !Set(context, obj, "subjectaltname", Utf8String(isolate, text))) {
    return {};
  }
  text.clear();
  if (InfoAccess(cert, &text) && !Set(context, obj, "infoAccess", Utf8String(isolate, text))) {
    return {};
  }
  if (!Set(context, obj, "ca", v8::Boolean::New(isolate, X509_check_ca(cert) == 1))) return {};
  if (!SetPublicKey(context, obj, cert)) return {};
  if (!Set(context, obj, "valid_from", Utf8String(isolate, TimeString(X509_get0_notBefore(cert)))) ||
      !Set(context, obj, "valid_to", Utf8String(isolate, TimeString(X509_get0_notAfter(cert)))) ||
      !Set(context, obj, "fingerprint", Utf8String(isolate, Fingerprint(cert, EVP_sha1()))) ||
      !Set(context, obj, "fingerprint256",
           Utf8String(isolate, Fingerprint(cert, EVP_sha256()))) ||
      !Set(context, obj, "fingerprint512",
           Utf8String(isolate, Fingerprint(cert, EVP_sha512())))) {
    return {};
  }
  v8::Local<v8::Value> usage = ExtendedKeyUsage(isolate, cert);
  if (!usage->IsUndefined() && !Set(context, obj, "ext_key_usage", usage)) return {};
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  if (serial != nullptr) {
    bool ok = Set(context, obj, "serialNumber", Utf8String(isolate, BignumHex(serial)));
    BN_free(serial);
    if (!ok) return {};
  }
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  if (len > 0) {
    bool ok = Set(context, obj, "raw", BytesToBuffer(isolate, der, len));
    OPENSSL_free(der);
    if (!ok) return {};
  }
  ERR_clear_error();
  return obj;
}

}  // namespace ringjs::crypto
