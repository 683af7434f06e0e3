#include "app/democontroller.h"

#include "app/console.h"
#include "app/demosystem.h"
#include "app/mainwindow.h"
#include "app/modelhost.h"
#include "model/eventstream.h"
#include "views3d/topologycontroller.h"
#include "widgets/layoutmanager.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>

namespace opsdeck::app {

namespace {
constexpr int kTourStepMs = 7000;
constexpr qreal kPresenterFontScale = 1.35;
} // namespace

DemoController::DemoController(Console &console)
    : QObject(&console)
    , m_console(console)
{
    DemoOptions options;
    // Two demos on one machine (or parallel tests) need two DDS domains:
    // --demo-domain, else OPSDECK_DEMO_DOMAIN, else the default.
    bool ok = false;
    int domain = qEnvironmentVariableIntValue("OPSDECK_DEMO_DOMAIN", &ok);
    if (console.options().demoDomain >= 0) {
        domain = console.options().demoDomain;
        ok = true;
    }
    if (ok && domain >= 0 && domain <= 232)
        options.domain = std::uint32_t(domain);
    m_demo = new DemoSystem(options, this);
    connect(m_demo, &DemoSystem::bookmark, this, &DemoController::postMark);
    QString error;
    if (!m_demo->start(&error)) {
        m_console.window()->setNotice(tr("The demo could not start: %1").arg(error));
        postMark(tr("Demo failed to start"), error, 2);
        return;
    }
    if (DemoStory *story = m_demo->story())
        connect(story, &DemoStory::actionFailed, this,
            [this](int, const QString &why) { postMark(tr("Demo step failed"), why, 1); });
    m_console.connectTo(m_demo->endpoints());
    m_console.window()->setNotice(
        tr("Demo: simulation, DDS-bridge, service mesh and billing running in this process on loopback."));
    buildMenu();
}

DemoController::~DemoController()
{
    if (m_demo)
        m_demo->stop();
}

bool DemoController::isRunning() const
{
    return m_demo && m_demo->running();
}

void DemoController::postMark(const QString &title, const QString &text, int severity)
{
    // Story steps become bookmarks (alerts when they hurt) on the timeline and
    // in any recording, through the same entrance as every other datum.
    opsdeck::v1::Envelope envelope;
    envelope.set_channel(opsdeck::v1::CHANNEL_OPERATOR);
    envelope.set_source("demo story");
    auto *mark = envelope.mutable_mark();
    mark->set_kind(severity > 0 ? opsdeck::v1::MARK_KIND_ALERT : opsdeck::v1::MARK_KIND_BOOKMARK);
    mark->set_title(title.toStdString());
    mark->set_text(text.toStdString());
    mark->set_author("demo story");
    mark->set_severity(severity);
    m_console.models()->stream()->post(std::move(envelope));
}

void DemoController::buildMenu()
{
    MainWindow *window = m_console.window();
    m_menu = new QMenu(tr("&Presenter"), window);
    m_menu->setObjectName(QStringLiteral("presenterMenu"));

    auto *presenter = m_menu->addAction(
        QIcon(QStringLiteral(":/opsdeck/icons/presenter-mode.svg")), tr("Presenter &Mode"));
    presenter->setCheckable(true);
    presenter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    presenter->setObjectName(QStringLiteral("actionPresenterMode"));
    connect(presenter, &QAction::toggled, this, &DemoController::setPresenterMode);

    auto *tour
        = m_menu->addAction(QIcon(QStringLiteral(":/opsdeck/icons/camera-tour.svg")), tr("Camera &Tour"));
    tour->setCheckable(true);
    tour->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    tour->setObjectName(QStringLiteral("actionCameraTour"));
    connect(tour, &QAction::toggled, this, &DemoController::setCameraTour);

    if (DemoStory *story = m_demo->story()) {
        QMenu *marks
            = m_menu->addMenu(QIcon(QStringLiteral(":/opsdeck/icons/bookmark.svg")), tr("&Bookmarks"));
        marks->setObjectName(QStringLiteral("presenterBookmarks"));
        const auto &steps = story->steps();
        for (int i = 0; i < int(steps.size()); ++i) {
            QAction *jump
                = marks->addAction(QStringLiteral("%1. %2").arg(i + 1).arg(steps[std::size_t(i)].title));
            if (i < 9)
                jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
            connect(jump, &QAction::triggered, story, [story, i] { story->jumpTo(i); });
        }
    }
    QMenuBar *bar = window->menuBar();
    bar->insertMenu(bar->actions().constLast(), m_menu);
    m_tour = new QTimer(this);
    m_tour->setInterval(kTourStepMs);
    connect(m_tour, &QTimer::timeout, this, &DemoController::tourStep);
}

void DemoController::setPresenterMode(bool on)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    MainWindow *window = m_console.window();
    QFont font = QApplication::font();
    if (on) {
        m_normalFontSize = font.pointSizeF();
        font.setPointSizeF(m_normalFontSize * kPresenterFontScale);
        window->layoutManager()->apply(QStringLiteral("Presenter"));
        window->showFullScreen();
    } else {
        font.setPointSizeF(m_normalFontSize);
        window->showNormal();
    }
    QApplication::setFont(font);
}

void DemoController::setCameraTour(bool on)
{
    if (!m_tour)
        return;
    if (on) {
        m_tourStep = 0;
        tourStep();
        m_tour->start();
    } else {
        m_tour->stop();
    }
}

void DemoController::tourStep()
{
    // A slow loop through the views a presenter talks over: the whole network,
    // the map from above, then the perspective again.
    views3d::TopologyController *camera = m_console.topologyController();
    if (!camera)
        return;
    switch (m_tourStep++ % 3) {
    case 0:
        camera->fitAll();
        break;
    case 1:
        camera->setTopView();
        break;
    case 2:
        camera->setPerspectiveView();
        break;
    }
}

} // namespace opsdeck::app
