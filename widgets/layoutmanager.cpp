#include "widgets/layoutmanager.h"

#include "widgets/logging.h"

#include <QDockWidget>
#include <QList>
#include <QMainWindow>
#include <QSettings>

namespace opsdeck::widgets {

namespace {
const QString kStateKey = QStringLiteral("layout/state");
const QString kGeometryKey = QStringLiteral("layout/geometry");
const QString kVersionKey = QStringLiteral("layout/version");
const QString kNameKey = QStringLiteral("layout/name");
} // namespace

LayoutManager::LayoutManager(QMainWindow *window, std::vector<NamedLayout> layouts, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_layouts(std::move(layouts))
{ }

const NamedLayout *LayoutManager::find(const QString &name) const
{
    for (const NamedLayout &layout : m_layouts)
        if (layout.name.compare(name, Qt::CaseInsensitive) == 0)
            return &layout;
    return nullptr;
}

bool LayoutManager::apply(const QString &name)
{
    const NamedLayout *layout = find(name);
    if (!layout)
        return false;
    const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
    auto byName = [&docks](const QString &objectName) -> QDockWidget * {
        for (QDockWidget *dock : docks)
            if (dock->objectName() == objectName)
                return dock;
        return nullptr;
    };

    // Start from nothing so every layout is reached the same way whatever the
    // user did before (floating, tabbed, closed docks).
    for (QDockWidget *dock : docks) {
        dock->setFloating(false);
        m_window->removeDockWidget(dock);
        dock->hide();
    }

    QList<QDockWidget *> sizedH, sizedV;
    QList<int> widths, heights;
    QList<QDockWidget *> toRaise;
    for (const DockPlacement &place : layout->docks) {
        QDockWidget *dock = byName(place.dock);
        if (!dock) {
            qCWarning(lcWidgets) << "layout" << layout->name << "names unknown dock" << place.dock;
            continue;
        }
        QDockWidget *tabTarget = place.tabWith.isEmpty() ? nullptr : byName(place.tabWith);
        QDockWidget *splitTarget = place.splitAfter.isEmpty() ? nullptr : byName(place.splitAfter);
        if (tabTarget) {
            m_window->tabifyDockWidget(tabTarget, dock);
        } else if (splitTarget) {
            m_window->addDockWidget(m_window->dockWidgetArea(splitTarget), dock);
            m_window->splitDockWidget(splitTarget, dock, place.splitOrientation);
        } else {
            m_window->addDockWidget(place.area, dock);
        }
        dock->show();
        if (place.raise)
            toRaise.append(dock);
        const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock);
        const bool side = area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea;
        const int width = side ? place.size : place.length;
        const int height = side ? place.length : place.size;
        if (width > 0) {
            sizedH.append(dock);
            widths.append(width);
        }
        if (height > 0) {
            sizedV.append(dock);
            heights.append(height);
        }
    }
    // Docks the layout does not list stay in the window, hidden, so that
    // saveState() records them and View ▸ brings them back somewhere sensible.
    for (QDockWidget *dock : docks) {
        if (m_window->dockWidgetArea(dock) == Qt::NoDockWidgetArea) {
            m_window->addDockWidget(Qt::RightDockWidgetArea, dock);
            dock->hide();
        }
    }
    if (!sizedH.isEmpty())
        m_window->resizeDocks(sizedH, widths, Qt::Horizontal);
    if (!sizedV.isEmpty())
        m_window->resizeDocks(sizedV, heights, Qt::Vertical);
    for (QDockWidget *dock : toRaise)
        dock->raise();

    m_current = layout->name;
    Q_EMIT layoutApplied(m_current);
    return true;
}

void LayoutManager::save(QSettings &settings) const
{
    settings.setValue(kVersionKey, kStateVersion);
    settings.setValue(kStateKey, m_window->saveState(kStateVersion));
    settings.setValue(kGeometryKey, m_window->saveGeometry());
    settings.setValue(kNameKey, m_current);
}

bool LayoutManager::restore(const QSettings &settings)
{
    const QString fallback = m_layouts.empty() ? QString() : m_layouts.front().name;
    const QByteArray state = settings.value(kStateKey).toByteArray();
    const int version = settings.value(kVersionKey, -1).toInt();
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty() && !m_window->restoreGeometry(geometry))
        qCWarning(lcWidgets) << "saved window geometry is unusable; keeping the default size";

    if (state.isEmpty() || version != kStateVersion) {
        if (!state.isEmpty())
            qCWarning(lcWidgets) << "saved layout has version" << version << "not" << kStateVersion
                                 << "; using the default layout";
        apply(fallback);
        return false;
    }
    // Lay the default out first: restoreState() only moves docks it knows
    // about, so a dock added since the state was saved still gets a place.
    apply(fallback);
    if (!m_window->restoreState(state, kStateVersion)) {
        qCWarning(lcWidgets) << "saved layout could not be restored; using the default layout";
        apply(fallback);
        return false;
    }
    const QString name = settings.value(kNameKey).toString();
    m_current = find(name) ? find(name)->name : QString();
    return true;
}

} // namespace opsdeck::widgets
