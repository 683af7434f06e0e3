#pragma once

#include <QChart>
#include <QObject>
#include <QPalette>

#include <optional>

class QApplication;

namespace opsdeck::widgets {

enum class ThemeKind { Light, Dark };

// "light" / "dark" (case-insensitive) → kind; anything else → nullopt.
std::optional<ThemeKind> themeFromName(const QString &name);
QString themeName(ThemeKind kind);

// The console's light and dark themes: the Fusion style with one of two
// palettes, applied to the whole application. Views that draw their own
// colours follow themeChanged(): charts take chartTheme(), the 3D view takes
// its Palette3D (the composition root connects it, since views3d/ does not
// depend on widgets/).
class Theme : public QObject
{
    Q_OBJECT

public:
    explicit Theme(QObject *parent = nullptr);

    static QPalette palette(ThemeKind kind);
    static QChart::ChartTheme chartTheme(ThemeKind kind);

    // Sets the Fusion style (once) and the palette on the application, and
    // emits themeChanged() when the kind changes.
    void apply(ThemeKind kind);
    ThemeKind current() const { return m_current; }

    // Applies the current chart theme to a chart; views call it on
    // themeChanged() for each chart they own.
    void styleChart(QChart *chart) const;

Q_SIGNALS:
    void themeChanged(opsdeck::widgets::ThemeKind kind);

private:
    ThemeKind m_current = ThemeKind::Light;
    bool m_applied = false;
};

} // namespace opsdeck::widgets
