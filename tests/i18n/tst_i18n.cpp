// Translations: OpsDeck's own (embedded .qm) and Qt's, chosen from the system
// locale or the ui/language setting. The process runs with LANG=ru_RU.UTF-8
// (tests/i18n/CMakeLists.txt), so "the system's language" is Russian here.
#include "app/mainwindow.h"
#include "app/panelid.h"
#include "app/translations.h"
#include "widgets/connectionsmodel.h"
#include "widgets/languagemenu.h"
#include "widgets/settingsmenu.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace opsdeck;

class TestI18n : public QObject
{
    Q_OBJECT

private:
    // Removes every translator installed by a previous case (a QTranslator
    // uninstalls itself when deleted).
    static void resetTranslators()
    {
        qDeleteAll(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
        QLocale::setDefault(QLocale::c());
    }

    // What a user sees: the window built after the translators were installed.
    struct Texts
    {
        QString servicesDock, costsDock, fileMenu, helpMenu;
    };
    static Texts windowTexts()
    {
        widgets::ConnectionsModel connections;
        app::MainWindow window(&connections);
        const QList<QAction *> menus = window.menuBar()->actions();
        return { window.dock(app::PanelId::Services)->windowTitle(),
            window.dock(app::PanelId::Costs)->windowTitle(), menus.constFirst()->text(),
            menus.constLast()->text() };
    }

private Q_SLOTS:
    void cleanup() { resetTranslators(); }

    void systemLocaleIsRussian()
    {
        // Guards the premise of the next case.
        QCOMPARE(QLocale::system().language(), QLocale::Russian);
        QCOMPARE(app::uiLocale(QString()).language(), QLocale::Russian);
        // A code this build does not ship falls back to the system's.
        QCOMPARE(app::uiLocale(QStringLiteral("de")).language(), QLocale::Russian);
    }

    void followsTheSystemLanguage()
    {
        QCOMPARE(app::installTranslations(*qApp, app::uiLocale(QString())), QStringLiteral("ru"));
        const Texts texts = windowTexts();
        QCOMPARE(texts.servicesDock, QStringLiteral("Сервисы"));
        QCOMPARE(texts.costsDock, QStringLiteral("Затраты"));
        QCOMPARE(texts.fileMenu, QStringLiteral("&Файл"));
        QCOMPARE(texts.helpMenu, QStringLiteral("&Справка"));
        // Qt's own texts (qtbase_ru.qm from qt6-translations-l10n): standard buttons.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Отмена"));
    }

    void settingChoosesChinese()
    {
        QCOMPARE(
            app::installTranslations(*qApp, app::uiLocale(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
        const Texts texts = windowTexts();
        QCOMPARE(texts.servicesDock, QStringLiteral("服务"));
        QCOMPARE(texts.costsDock, QStringLiteral("成本"));
        QCOMPARE(texts.fileMenu, QStringLiteral("文件(&F)"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
        // Numbers follow the chosen language too.
        QCOMPARE(QLocale().language(), QLocale::Chinese);
    }

    void settingChoosesEnglishOverTheSystem()
    {
        QCOMPARE(app::installTranslations(*qApp, app::uiLocale(QStringLiteral("en"))), QStringLiteral("en"));
        const Texts texts = windowTexts();
        QCOMPARE(texts.servicesDock, QStringLiteral("Services"));
        QCOMPARE(texts.fileMenu, QStringLiteral("&File"));
    }

    void languageMenuStoresTheChoiceForTheNextStart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("opsdeck.ini")), QSettings::IniFormat);
        widgets::SettingsMenu menu(settings);
        widgets::LanguageMenu *language = menu.languageMenu();
        QVERIFY(language);
        auto *system = language->findChild<QAction *>(QStringLiteral("action_language_system"));
        auto *russian = language->findChild<QAction *>(QStringLiteral("action_language_ru"));
        QVERIFY(system && russian);
        QVERIFY(system->isChecked());
        QCOMPARE(russian->text(), QStringLiteral("Русский"));
        const QString before = language->noteText();
        QVERIFY(before.contains(QStringLiteral("next time")));

        russian->trigger();
        QCOMPARE(
            settings.value(QLatin1String(widgets::kLanguageSettingsKey)).toString(), QStringLiteral("ru"));
        QVERIFY(russian->isChecked());
        QVERIFY(!system->isChecked());
        QVERIFY(language->noteText() != before);
        QVERIFY(language->noteText().contains(QStringLiteral("next time")));

        // A new menu (the next start) shows the stored choice.
        widgets::LanguageMenu again(settings);
        QVERIFY(again.findChild<QAction *>(QStringLiteral("action_language_ru"))->isChecked());
        QCOMPARE(app::uiLocale(again.chosenLanguage()).language(), QLocale::Russian);
    }

    // Every text of the source is translated in the shipped .ts files: a new
    // tr() string fails here until `cmake --build build --target
    // update_translations` ran and someone translated it.
    void translationsAreComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("ru") << QStringLiteral("ru");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void translationsAreComplete()
    {
        QFETCH(QString, language);
        QFile file(qEnvironmentVariable("OPSDECK_SOURCE_DIR")
            + QStringLiteral("/resources/translations/opsdeck_%1.ts").arg(language));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader ts(&file);
        QStringList missing;
        int messages = 0;
        QString source;
        while (!ts.atEnd()) {
            if (ts.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (ts.name() == QLatin1String("message")) {
                ++messages;
            } else if (ts.name() == QLatin1String("source")) {
                source = ts.readElementText();
            } else if (ts.name() == QLatin1String("translation")) {
                const bool unfinished
                    = ts.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                // Plural translations hold <numerusform>s: IncludeChildElements keeps their text.
                const QString text = ts.readElementText(QXmlStreamReader::IncludeChildElements);
                if (unfinished || text.trimmed().isEmpty())
                    missing << source;
            }
        }
        QVERIFY2(!ts.hasError(), qPrintable(ts.errorString()));
        QVERIFY(messages > 300);
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("untranslated: ") + missing.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
