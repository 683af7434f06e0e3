#include "app/topologymenu.h"

#include "views3d/osgwidget.h"
#include "views3d/topologycontroller.h"

#include <QActionGroup>
#include <QSettings>

namespace opsdeck::app {

namespace {
const QString kLinks = QStringLiteral("topology/linkColours");
const QString kNodes = QStringLiteral("topology/nodeColours");
const QString kTrails = QStringLiteral("topology/trails");
const QString kStalks = QStringLiteral("topology/stalks");
const QString kGrid = QStringLiteral("topology/grid");
const QString kFlow = QStringLiteral("topology/flowAnimation");
} // namespace

TopologyMenu::TopologyMenu(views3d::TopologyController *controller, QSettings &settings, QWidget *parent)
    : QMenu(tr("&Topology"), parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("topologyMenu"));
    using views3d::TopologyController;
    // The keys work on the 3D view itself; the menu names them ("\t" shows
    // them as hints without making them window-wide shortcuts that would
    // swallow an F typed into a filter field).
    addAction(tr("&Fit All") + QStringLiteral("\tF"), controller, [controller] {
        controller->fitAll();
    })->setObjectName(QStringLiteral("actionFitAll"));
    addAction(tr("&Top View") + QStringLiteral("\tT"), controller, &TopologyController::setTopView)
        ->setObjectName(QStringLiteral("actionTopView"));
    addAction(
        tr("&Perspective View") + QStringLiteral("\tP"), controller, &TopologyController::setPerspectiveView)
        ->setObjectName(QStringLiteral("actionPerspectiveView"));
    m_follow = addToggle(tr("F&ollow Selected Node") + QStringLiteral("\tL"), "actionFollowSelected", false);
    connect(m_follow, &QAction::triggered, controller, &TopologyController::setFollowSelected);
    connect(controller, &TopologyController::followChanged, m_follow, &QAction::setChecked);
    // Following needs a selection.
    m_follow->setEnabled(false);
    connect(controller, &TopologyController::nodeSelected, m_follow, [this] { m_follow->setEnabled(true); });
    connect(controller, &TopologyController::linkSelected, m_follow, [this] { m_follow->setEnabled(false); });
    connect(
        controller, &TopologyController::selectionCleared, m_follow, [this] { m_follow->setEnabled(false); });

    addSection(tr("Links"));
    auto *links = new QActionGroup(this);
    m_qualityLinks = addToggle(tr("Colour Links by &Quality"), "actionLinksByQuality", true);
    m_latencyLinks = addToggle(tr("Colour Links by &Latency"), "actionLinksByLatency", false);
    links->addAction(m_qualityLinks);
    links->addAction(m_latencyLinks);
    addSection(tr("Nodes"));
    auto *nodes = new QActionGroup(this);
    m_kindNodes = addToggle(tr("Colour Nodes by &Kind and Status"), "actionNodesByKind", true);
    m_costLayer = addToggle(tr("Colour Nodes by &Cost"), "actionNodesByCost", false);
    m_costLayer->setStatusTip(tr("What each node has cost so far, from the billing backend (Costs panel)"));
    nodes->addAction(m_kindNodes);
    nodes->addAction(m_costLayer);
    addSection(tr("Show"));
    m_trails = addToggle(tr("T&rails"), "actionTrails", false);
    m_stalks = addToggle(tr("&Stalks to the Ground"), "actionStalks", true);
    m_grid = addToggle(tr("&Grid"), "actionGrid", true);
    m_flow = addToggle(tr("&Animate Route Flows"), "actionFlowAnimation", true);

    // Restore, then apply once and on every change.
    (settings.value(kLinks).toString() == QLatin1String("latency") ? m_latencyLinks : m_qualityLinks)
        ->setChecked(true);
    (settings.value(kNodes).toString() == QLatin1String("cost") ? m_costLayer : m_kindNodes)
        ->setChecked(true);
    m_trails->setChecked(settings.value(kTrails, false).toBool());
    m_stalks->setChecked(settings.value(kStalks, true).toBool());
    m_grid->setChecked(settings.value(kGrid, true).toBool());
    m_flow->setChecked(settings.value(kFlow, true).toBool());
    for (QAction *a :
        { m_qualityLinks, m_latencyLinks, m_kindNodes, m_costLayer, m_trails, m_stalks, m_grid, m_flow })
        connect(a, &QAction::toggled, this, &TopologyMenu::apply);
    connect(m_costLayer, &QAction::toggled, this, &TopologyMenu::costLayerToggled);
    apply();
}

QAction *TopologyMenu::addToggle(const QString &text, const char *objectName, bool on)
{
    QAction *action = addAction(text);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setCheckable(true);
    action->setChecked(on);
    return action;
}

bool TopologyMenu::costLayerOn() const
{
    return m_costLayer->isChecked();
}

void TopologyMenu::apply()
{
    using views3d::TopologyScene;
    m_controller->setLinkColoring(m_latencyLinks->isChecked() ? TopologyScene::LinkColoring::Latency
                                                              : TopologyScene::LinkColoring::Quality);
    m_controller->setNodeColoring(m_costLayer->isChecked() ? TopologyScene::NodeColoring::Cost
                                                           : TopologyScene::NodeColoring::KindAndStatus);
    m_controller->scene()->setTrailsVisible(m_trails->isChecked());
    m_controller->scene()->setStalksVisible(m_stalks->isChecked());
    m_controller->scene()->setGridVisible(m_grid->isChecked());
    m_controller->setFlowAnimation(m_flow->isChecked());
    m_controller->widget()->requestFrame();
}

void TopologyMenu::save(QSettings &settings) const
{
    settings.setValue(
        kLinks, m_latencyLinks->isChecked() ? QStringLiteral("latency") : QStringLiteral("quality"));
    settings.setValue(kNodes, m_costLayer->isChecked() ? QStringLiteral("cost") : QStringLiteral("kind"));
    settings.setValue(kTrails, m_trails->isChecked());
    settings.setValue(kStalks, m_stalks->isChecked());
    settings.setValue(kGrid, m_grid->isChecked());
    settings.setValue(kFlow, m_flow->isChecked());
}

} // namespace opsdeck::app
