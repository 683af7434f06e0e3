#include "widgets/emptystate.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QChart>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

using namespace opsdeck::widgets;

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesParse()
    {
        QCOMPARE(themeFromName("DARK"), std::optional(ThemeKind::Dark));
        QCOMPARE(themeFromName("light"), std::optional(ThemeKind::Light));
        QVERIFY(!themeFromName("solarized"));
        QCOMPARE(themeName(ThemeKind::Dark), QString("dark"));
    }

    void switchingChangesTheApplicationPalette()
    {
        Theme theme;
        QSignalSpy changed(&theme, &Theme::themeChanged);
        theme.apply(ThemeKind::Light);
        QCOMPARE(QApplication::style()->name().toLower(), QString("fusion"));
        const QColor lightWindow = QApplication::palette().color(QPalette::Window);
        QVERIFY2(lightWindow.lightness() > 200, qPrintable(lightWindow.name()));

        EmptyState widget("No costs yet", "Not connected to a billing backend");
        theme.apply(ThemeKind::Dark);
        QCOMPARE(theme.current(), ThemeKind::Dark);
        const QPalette dark = QApplication::palette();
        QVERIFY2(
            dark.color(QPalette::Window).lightness() < 60, qPrintable(dark.color(QPalette::Window).name()));
        QVERIFY(dark.color(QPalette::WindowText).lightness() > 200);
        // Existing widgets follow the application palette.
        QTRY_COMPARE(widget.palette().color(QPalette::Window), dark.color(QPalette::Window));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().first().value<ThemeKind>(), ThemeKind::Dark);

        // Applying the same theme again is not a change.
        theme.apply(ThemeKind::Dark);
        QCOMPARE(changed.size(), 2);
    }

    void chartsFollow()
    {
        Theme theme;
        theme.apply(ThemeKind::Dark);
        QChart chart;
        theme.styleChart(&chart);
        QCOMPARE(chart.theme(), QChart::ChartThemeDark);
        QCOMPARE(chart.backgroundBrush().color(), Theme::palette(ThemeKind::Dark).color(QPalette::Base));
        theme.apply(ThemeKind::Light);
        theme.styleChart(&chart);
        QCOMPARE(chart.theme(), QChart::ChartThemeLight);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
