#include "certificates.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <QStringList>

namespace nt::sim {

namespace {

struct EvpKeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, EvpKeyFree>;
using CertPtr = std::unique_ptr<X509, X509Free>;

QByteArray bioToBytes(BIO *bio) {
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, int(len));
    BIO_free(bio);
    return out;
}

QByteArray certPem(X509 *cert) {
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    return bioToBytes(bio);
}

QByteArray keyPem(EVP_PKEY *key) {
    // PKCS#8 "PRIVATE KEY": both Go (kubectl) and Qt read it for EC keys.
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioToBytes(bio);
}

bool addExt(X509 *cert, X509 *issuer, int nid, const char *value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

struct CertSpec {
    const char *commonName;
    const char *organization; // nullptr for none
    bool isCa;
    const char *extKeyUsage; // nullptr for the CA
    std::string subjectAltNames;
};

// Builds one certificate for `key`, signed by issuerKey (self-signed when issuer is null).
CertPtr makeCert(const CertSpec &spec, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey) {
    CertPtr cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // positive, as RFC 5280 requires
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    // Valid from an hour ago, so clock skew between the test host and kubectl never matters.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
    X509_set_pubkey(cert.get(), key);

    X509_NAME *name = X509_get_subject_name(cert.get());
    if (spec.organization)
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(spec.organization), -1,
                                   -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(spec.commonName), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);

    X509 *issuerCert = issuer ? issuer : cert.get();
    bool ok = addExt(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    if (spec.isCa) {
        ok = ok && addExt(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE") &&
             addExt(cert.get(), issuerCert, NID_key_usage,
                    "critical,keyCertSign,cRLSign,digitalSignature");
    } else {
        ok = ok && addExt(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:FALSE") &&
             addExt(cert.get(), issuerCert, NID_key_usage,
                    "critical,digitalSignature,keyEncipherment") &&
             addExt(cert.get(), issuerCert, NID_ext_key_usage, spec.extKeyUsage) &&
             addExt(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
        if (!spec.subjectAltNames.empty())
            ok = ok &&
                 addExt(cert.get(), issuerCert, NID_subject_alt_name, spec.subjectAltNames.c_str());
    }
    if (!ok || X509_sign(cert.get(), issuerKey, EVP_sha256()) == 0)
        return nullptr;
    return cert;
}

} // namespace

struct Certificates::Keys {
    KeyPtr caKey;
    CertPtr caCert;
};

Certificates::~Certificates() = default;

std::unique_ptr<Certificates> Certificates::generate(const QString &apiFqdn, QString *error) {
    // P-256 keys take microseconds to generate; RSA would add a visible delay to every test.
    KeyPtr caKey(EVP_EC_gen("P-256"));
    KeyPtr serverKey(EVP_EC_gen("P-256"));
    KeyPtr clientKey(EVP_EC_gen("P-256"));
    if (!caKey || !serverKey || !clientKey) {
        *error = QStringLiteral("could not generate EC keys with OpenSSL");
        return nullptr;
    }
    std::string sans = "IP:127.0.0.1,IP:::1,DNS:localhost";
    // Several names (public and private FQDN) come comma-separated.
    for (const QString &name : apiFqdn.split(QLatin1Char(','), Qt::SkipEmptyParts))
        sans += ",DNS:" + name.trimmed().toStdString();

    CertPtr ca = makeCert({"nodetriage-sim-ca", nullptr, true, nullptr, {}}, caKey.get(), nullptr,
                          caKey.get());
    CertPtr server = ca ? makeCert({"kube-apiserver", nullptr, false, "serverAuth", sans},
                                   serverKey.get(), ca.get(), caKey.get())
                        : nullptr;
    CertPtr client = ca ? makeCert({"sim-admin", "system:masters", false, "clientAuth", {}},
                                   clientKey.get(), ca.get(), caKey.get())
                        : nullptr;
    if (!ca || !server || !client) {
        *error = QStringLiteral("could not create the simulator's certificates with OpenSSL");
        return nullptr;
    }

    std::unique_ptr<Certificates> certs(new Certificates);
    certs->m_caPem = certPem(ca.get());
    certs->m_serverCertPem = certPem(server.get());
    certs->m_serverKeyPem = keyPem(serverKey.get());
    certs->m_clientCertPem = certPem(client.get());
    certs->m_clientKeyPem = keyPem(clientKey.get());
    certs->m_keys = std::make_unique<Keys>(Keys{std::move(caKey), std::move(ca)});
    return certs;
}

bool Certificates::issuedByCa(const QByteArray &der) const {
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    CertPtr cert(d2i_X509(nullptr, &p, der.size()));
    if (!cert)
        return false;
    if (X509_NAME_cmp(X509_get_issuer_name(cert.get()),
                      X509_get_subject_name(m_keys->caCert.get())) != 0)
        return false;
    if (X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0)
        return false;
    return X509_verify(cert.get(), m_keys->caKey.get()) == 1;
}

} // namespace nt::sim
