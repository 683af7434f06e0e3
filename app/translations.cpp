#include "app/translations.h"

#include "app/logging.h"
#include "widgets/languagemenu.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace opsdeck::app {

namespace {
const QString kOpsDeckTranslations = QStringLiteral(":/opsdeck/i18n");
}

QLocale uiLocale(const QString &languageSetting)
{
    for (const widgets::UiLanguage &language : widgets::uiLanguages()) {
        if (language.code == languageSetting)
            return QLocale(language.code);
    }
    return QLocale::system();
}

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Number and date formatting follow the same locale as the texts.
    QLocale::setDefault(locale);

    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("opsdeck"), QStringLiteral("_"), kOpsDeckTranslations)) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    const QString code = QFileInfo(own->filePath()).completeBaseName().mid(int(qstrlen("opsdeck_")));
    qCInfo(lcApp) << "user interface language" << code << "for locale" << locale.name();
    return code;
}

} // namespace opsdeck::app
