#include "app/layouts.h"

#include "app/panelid.h"

#include <QCoreApplication>

namespace opsdeck::app {

namespace {
// The translation context of the layout titles (lupdate reads it).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(opsdeck::app::Layouts)
};
} // namespace

std::vector<widgets::NamedLayout> namedLayouts()
{
    using widgets::DockPlacement;
    const QString services = panelObjectName(PanelId::Services);
    const QString costs = panelObjectName(PanelId::Costs);
    const QString simulation = panelObjectName(PanelId::Simulation);
    const QString timeline = panelObjectName(PanelId::Timeline);
    const QString diagnostics = panelObjectName(PanelId::Diagnostics);
    const QString connections = panelObjectName(PanelId::Connections);
    const QString details = panelObjectName(PanelId::Details);

    std::vector<widgets::NamedLayout> layouts;
    layouts.push_back({ QStringLiteral("Operator"), Text::tr("&Operator"),
        {
            { .dock = simulation,
                .area = Qt::RightDockWidgetArea,
                .size = 470,
                .length = 250,
                .raise = true },
            { .dock = services, .splitAfter = simulation, .splitOrientation = Qt::Vertical, .raise = true },
            { .dock = costs, .tabWith = services },
            { .dock = details, .tabWith = simulation },
            { .dock = timeline, .area = Qt::BottomDockWidgetArea, .size = 190 },
            { .dock = connections,
                .splitAfter = timeline,
                .splitOrientation = Qt::Horizontal,
                .raise = true },
            { .dock = diagnostics, .tabWith = connections },
        } });
    layouts.push_back({ QStringLiteral("Analyst"), Text::tr("&Analyst"),
        {
            { .dock = services, .area = Qt::RightDockWidgetArea, .size = 620 },
            { .dock = costs, .splitAfter = services, .splitOrientation = Qt::Vertical },
            { .dock = details, .tabWith = costs },
            { .dock = timeline, .area = Qt::BottomDockWidgetArea, .size = 260 },
            { .dock = diagnostics,
                .splitAfter = timeline,
                .splitOrientation = Qt::Horizontal,
                .raise = true },
            { .dock = connections, .tabWith = diagnostics },
        } });
    layouts.push_back({ QStringLiteral("Presenter"), Text::tr("&Presenter"),
        {
            { .dock = services, .area = Qt::RightDockWidgetArea, .size = 420 },
            { .dock = costs, .splitAfter = services, .splitOrientation = Qt::Vertical },
            { .dock = simulation, .area = Qt::BottomDockWidgetArea, .size = 140 },
            { .dock = details, .tabWith = simulation },
        } });
    return layouts;
}

QStringList layoutNames()
{
    QStringList names;
    for (const auto &layout : namedLayouts())
        names << layout.name;
    return names;
}

QString canonicalLayoutName(const QString &name)
{
    for (const QString &known : layoutNames())
        if (known.compare(name, Qt::CaseInsensitive) == 0)
            return known;
    return {};
}

} // namespace opsdeck::app
