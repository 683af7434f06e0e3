#include "widgets/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace opsdeck::widgets {

std::optional<ThemeKind> themeFromName(const QString &name)
{
    if (name.compare(QLatin1String("light"), Qt::CaseInsensitive) == 0)
        return ThemeKind::Light;
    if (name.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0)
        return ThemeKind::Dark;
    return std::nullopt;
}

QString themeName(ThemeKind kind)
{
    return kind == ThemeKind::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

Theme::Theme(QObject *parent)
    : QObject(parent)
{ }

QPalette Theme::palette(ThemeKind kind)
{
    if (kind == ThemeKind::Light) {
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette p = fusion->standardPalette();
        p.setColor(QPalette::Window, QColor(0xf2, 0xf3, 0xf5));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
        p.setColor(QPalette::Highlight, QColor(0x1f, 0x78, 0xb4));
        p.setColor(QPalette::PlaceholderText, QColor(0x5c, 0x63, 0x6e));
        return p;
    }
    // Dark: contrast ratios of text on window/base stay above 7:1.
    const QColor window(0x23, 0x26, 0x2b);
    const QColor base(0x1a, 0x1c, 0x20);
    const QColor text(0xe6, 0xe8, 0xeb);
    const QColor muted(0x9a, 0xa1, 0xab);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x39));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2d, 0x31, 0x37));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x66, 0xad, 0xf5));
    p.setColor(QPalette::Highlight, QColor(0x3a, 0x7b, 0xc8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Light, QColor(0x3a, 0x3e, 0x45));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x2a, 0x2d, 0x32));
    p.setColor(QPalette::Dark, QColor(0x16, 0x18, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, QColor(0x6b, 0x71, 0x7a));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x48, 0x4f));
    return p;
}

QChart::ChartTheme Theme::chartTheme(ThemeKind kind)
{
    return kind == ThemeKind::Dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
}

void Theme::apply(ThemeKind kind)
{
    if (!m_applied)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(palette(kind));
    const bool changed = !m_applied || kind != m_current;
    m_applied = true;
    m_current = kind;
    if (changed)
        Q_EMIT themeChanged(kind);
}

void Theme::styleChart(QChart *chart) const
{
    if (!chart)
        return;
    chart->setTheme(chartTheme(m_current));
    // The chart theme paints its own background; let it blend with the window.
    chart->setBackgroundBrush(palette(m_current).color(QPalette::Base));
}

} // namespace opsdeck::widgets
