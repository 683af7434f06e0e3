#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace opsdeck::app {

// The locale OpsDeck's texts are shown in: the language stored under
// ui/language (widgets::LanguageMenu) when it is one OpsDeck ships, the
// system's otherwise (LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Linux).
QLocale uiLocale(const QString &languageSetting);

// Installs the translators for `locale` on `app` (they become its children):
// OpsDeck's own, compiled into the executable (:/opsdeck/i18n/opsdeck_*.qm),
// and Qt's (qtbase_*.qm from the Qt installation, Debian package
// qt6-translations-l10n) for the standard dialogs and buttons. Call once,
// after the application object exists and before any window is built: texts
// are translated when widgets are created. Returns the code of the OpsDeck
// translation loaded ("en" when the locale has none: the source texts).
QString installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace opsdeck::app
