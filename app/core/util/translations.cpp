#include "util/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace nt {

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

namespace {

// Normalises "zh-CN", "zh_Hans_CN", "zh.UTF-8"... to what we ship, or "" when we do not.
QString shippedLanguage(QString name)
{
    name = name.section(u'.', 0, 0).section(u'@', 0, 0).replace(u'-', u'_').trimmed();
    if (name.isEmpty())
        return {};
    const QString lower = name.toLower();
    if (lower == u"c" || lower == u"posix" || lower.startsWith(u"en"))
        return QStringLiteral("en");
    if (lower.startsWith(u"zh")) {
        // Traditional Chinese (Taiwan, Hong Kong, Macao, zh_Hant) is not what we ship.
        if (lower.contains(u"hant") || lower.endsWith(u"_tw") || lower.endsWith(u"_hk") ||
            lower.endsWith(u"_mo"))
            return {};
        return QStringLiteral("zh_CN");
    }
    return {};
}

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

Result<QString> resolveLanguage(const QString &requested, const QString &systemLocaleName)
{
    if (!requested.isEmpty()) {
        const QString language = shippedLanguage(requested);
        if (language.isEmpty())
            return Error{QCoreApplication::translate(
                             "nt::Translations", "Language '%1' is not available; choose one of: %2.")
                             .arg(requested, availableLanguages().join(QStringLiteral(", ")))};
        return language;
    }
    const QString language = shippedLanguage(systemLocaleName);
    return language.isEmpty() ? QStringLiteral("en") : language;
}

Result<bool> installTranslations(const QString &language)
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return Error{QStringLiteral("installTranslations() needs an application object")};
    for (const QPointer<QTranslator> &translator : installed()) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();

    const QLocale locale(language);
    QLocale::setDefault(locale);
    if (language == u"en")
        return true;

    auto *ours = new QTranslator(app);
    if (!ours->load(QStringLiteral(":/i18n/nodetriage_%1.qm").arg(language))) {
        delete ours;
        return Error{QCoreApplication::translate("nt::Translations",
                                                 "The %1 translation is missing from this build.")
                         .arg(language)};
    }
    QCoreApplication::installTranslator(ours);
    installed().append(ours);

    // Qt's own strings (standard buttons, file dialogs) when the system has them; optional.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
    return true;
}

} // namespace nt
