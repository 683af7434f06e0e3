#pragma once

#include <QObject>
#include <QString>

#include <vector>

class QMainWindow;
class QSettings;

namespace opsdeck::widgets {

// Where one dock goes in a named layout. Docks are found by objectName.
struct DockPlacement
{
    QString dock {}; // the QDockWidget's objectName
    Qt::DockWidgetArea area = Qt::RightDockWidgetArea;
    QString tabWith {}; // if set: tabbed onto this (earlier placed) dock, area ignored
    QString splitAfter {}; // if set: shares the area of this (earlier placed) dock, split
    Qt::Orientation splitOrientation = Qt::Vertical;
    int size = 0; // width (left/right areas) or height (top/bottom) in pixels; 0 = Qt decides
    int length = 0; // the other extent: height in left/right areas, width in top/bottom
    bool raise = false; // the visible tab of its tab group
};

// A named arrangement of the docks. Docks not listed are hidden.
struct NamedLayout
{
    QString name; // stable key, also accepted by --layout ("Operator")
    QString title; // shown in View ▸ Layout (translated)
    std::vector<DockPlacement> docks;
};

// Arranges the docks of a main window by named layout and saves/restores the
// user's arrangement with QSettings. It moves docks; it does not know what is
// in them.
class LayoutManager : public QObject
{
    Q_OBJECT

public:
    // Bump when the dock set changes so that old saved states fall back to the
    // default layout instead of restoring a half-matching arrangement.
    static constexpr int kStateVersion = 2; // 2: the Details dock

    LayoutManager(QMainWindow *window, std::vector<NamedLayout> layouts, QObject *parent = nullptr);

    const std::vector<NamedLayout> &layouts() const { return m_layouts; }
    const NamedLayout *find(const QString &name) const; // case-insensitive

    // Arranges the docks; false (nothing moved) for an unknown name.
    bool apply(const QString &name);
    QString current() const { return m_current; }

    // Window geometry, dock state and the last named layout under "layout/".
    void save(QSettings &settings) const;
    // Restores what save() wrote. Returns false and applies the first layout
    // (the default) when nothing was saved or the saved state is unusable.
    bool restore(const QSettings &settings);

Q_SIGNALS:
    void layoutApplied(const QString &name);

private:
    QMainWindow *m_window;
    std::vector<NamedLayout> m_layouts;
    QString m_current;
};

} // namespace opsdeck::widgets
