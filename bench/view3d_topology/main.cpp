// view3d.frame and view3d.naive (shared/BENCHMARKS.md), one run:
//   ours    the OpsDeck topology scene, 10,000 nodes + 20,000 links + 200
//           routes, a new snapshot every 6th frame (10 Hz at 60 frames/s),
//           flow animation on — the frame includes TopologyController::tick()
//           (array rewrite + upload) and the render
//   static  the same scene and camera, no new snapshots, no animation
//   naive   one osg::MatrixTransform + osg::Geometry per node and link (and
//           per route), updated at the same 10 Hz from the same snapshots
// Each frame: (update if due) → update() → wait for frameSwapped. The three are
// interleaved in rounds so drift on a shared machine hits them alike. The
// figure: mean frame time over each run of 6 frames (one update in each, so
// the 10 Hz update cost counts), median over the runs.
// Building the snapshots (model thread work) happens before timing.
#include "naivescene.h"
#include "topologyload.h"
#include "views3d/glprobe.h"
#include "views3d/osgwidget.h"
#include "views3d/topologycontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSurfaceFormat>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <osgGA/OrbitManipulator>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

using namespace opsdeck;

namespace {

constexpr double kFrameGoal = 2.0; // ours / static, lower is better
constexpr double kNaiveGoal = 0.1; // ours / naive, lower is better
constexpr int kUpdateEvery = 6; // frames between snapshots: 10 Hz at 60 frames/s
const QSize kSize(1280, 800);

// Draws `count` frames; before each, `before(frameIndex)`. Appends wall ms.
bool drawFrames(views3d::OsgWidget *widget, int count, const std::function<void(int)> &before,
    std::vector<double> *ms, int *frameIndex)
{
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(widget, &QOpenGLWidget::frameSwapped, &loop, &QEventLoop::quit);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        timer.start();
        before((*frameIndex)++);
        widget->requestFrame();
        widget->update();
        guard.start(30000);
        if (loop.exec() != 0)
            return false;
        ms->push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return true;
}

// Frame time robust to a shared machine: the mean of each run of `group`
// consecutive frames (each run holds exactly one update frame, so the update
// cost counts), then the median of those means (a load spike hits one run).
double groupedMedian(const std::vector<double> &v, int group)
{
    std::vector<double> means;
    for (std::size_t i = 0; i + std::size_t(group) <= v.size(); i += std::size_t(group))
        means.push_back(
            std::accumulate(v.begin() + std::ptrdiff_t(i), v.begin() + std::ptrdiff_t(i) + group, 0.0)
            / group);
    if (means.empty())
        return 0.0;
    std::sort(means.begin(), means.end());
    return means[means.size() / 2];
}

void copyCamera(views3d::OsgWidget *from, views3d::OsgWidget *to)
{
    auto *a = dynamic_cast<osgGA::OrbitManipulator *>(from->viewer()->getCameraManipulator());
    auto *b = dynamic_cast<osgGA::OrbitManipulator *>(to->viewer()->getCameraManipulator());
    if (!a || !b)
        return;
    b->setCenter(a->getCenter());
    b->setDistance(a->getDistance());
    b->setRotation(a->getRotation());
}

} // namespace

int main(int argc, char *argv[])
{
    // The command line is read before QApplication, so --help needs no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "view3d.frame: frame time (ms; mean over each run of 6 frames, median of the runs) of the "
        "topology scene (10,000 nodes, 20,000 links, 200 routes) at 1280x800 with a new snapshot "
        "every 6th frame (10 Hz at 60 frames/s), against the same scene drawn static; ratio = ours "
        "/ static (lower is better), goal <= %1.\n"
        "view3d.naive: the same figure against one osg::Geometry + transform per node and link "
        "updated at 10 Hz; ratio = ours / naive (lower is better), goal <= %2.\n"
        "All measured in the same run. Needs an X server with OpenGL and 24-bit depth: "
        "xvfb-run -a -s \"-screen 0 1920x1080x24\" bench_view3d_topology")
                                         .arg(kFrameGoal)
                                         .arg(kNaiveGoal));
    const QCommandLineOption help(
        QStringList { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Displays this help."));
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("Fewer frames (a smoke run)."));
    parser.addOption(help);
    parser.addOption(quick);
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 1;
    }
    if (parser.isSet(help)) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    const bool isQuick = parser.isSet(quick);

    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setSwapInterval(0); // measure drawing, not display pacing
    QSurfaceFormat::setDefaultFormat(format);
    QApplication app(argc, argv);
    const int rounds = isQuick ? 1 : 2;
    const int oursFrames = isQuick ? 18 : 36;
    const int naiveFrames = isQuick ? 6 : 12;

    QString why;
    if (!views3d::probeOpenGL(&why)) {
        QTextStream(stderr) << "bench_view3d_topology: " << why << Qt::endl;
        return 2;
    }
    const auto stream = bench::makeTopologyStream(10'000, 20'000, 200, 12);
    const auto &first = stream.front();
    if (first->nodes->size() != 10'000 || first->links->size() != 20'000 || first->routes->size() != 200) {
        QTextStream(stderr) << "bench_view3d_topology: the model kept " << first->nodes->size() << " nodes, "
                            << first->links->size() << " links, " << first->routes->size() << " routes"
                            << Qt::endl;
        return 2;
    }

    views3d::OsgWidget oursWidget, staticWidget, naiveWidget, emptyWidget; // empty: nothing but the widget
    for (views3d::OsgWidget *w : { &oursWidget, &staticWidget, &naiveWidget, &emptyWidget }) {
        w->setFixedSize(kSize);
        w->move(0, 0);
    }
    views3d::TopologyController ours(&oursWidget);
    views3d::TopologyController still(&staticWidget);
    ours.setSnapshot(first);
    still.setSnapshot(first);
    still.setFlowAnimation(false);
    ours.tick();
    still.tick();
    ours.fitAll(false);
    still.fitAll(false);
    bench::NaiveScene naive(*first);
    naiveWidget.setScene(naive.node());
    copyCamera(&oursWidget, &naiveWidget);

    std::size_t next = 0;
    auto oursBefore = [&](int frame) {
        if (frame % kUpdateEvery == 0) {
            next = (next + 1) % stream.size();
            ours.setSnapshot(stream[next]);
        }
        ours.tick();
    };
    std::size_t naiveNext = 0;
    auto naiveBefore = [&](int frame) {
        if (frame % kUpdateEvery == 0) {
            naiveNext = (naiveNext + 1) % stream.size();
            naive.update(*stream[naiveNext]);
        }
    };
    auto staticBefore = [&](int) { still.tick(); };

    // Only the widget being measured is shown: a hidden OsgWidget stops its
    // frame timer and the controller stops animating it, so the other two
    // never render in the background of a measurement. After each show a few
    // untimed frames absorb the re-exposure.
    struct Subject
    {
        views3d::OsgWidget *widget;
        std::function<void(int)> before;
        std::vector<double> *ms;
        int frames;
        int frameIndex = 0;
    };
    std::vector<double> oursMs, staticMs, naiveMs, emptyMs;
    std::vector<Subject> subjects { { &oursWidget, oursBefore, &oursMs, oursFrames },
        { &staticWidget, staticBefore, &staticMs, oursFrames },
        { &naiveWidget, naiveBefore, &naiveMs, naiveFrames },
        { &emptyWidget, [](int) {}, &emptyMs, naiveFrames } };
    std::vector<double> ignored;
    for (int round = 0; round < rounds; ++round) {
        for (Subject &subject : subjects) {
            for (const Subject &other : subjects)
                other.widget->setVisible(other.widget == subject.widget);
            if (!QTest::qWaitForWindowExposed(subject.widget)
                || !drawFrames(
                    subject.widget, round == 0 ? 4 : 2, subject.before, &ignored, &subject.frameIndex)
                || !drawFrames(
                    subject.widget, subject.frames, subject.before, subject.ms, &subject.frameIndex)) {
                QTextStream(stderr) << "bench_view3d_topology: frames were not presented (no X server?)"
                                    << Qt::endl;
                return 2;
            }
        }
    }
    const double value = groupedMedian(oursMs, kUpdateEvery);
    const double ref = groupedMedian(staticMs, kUpdateEvery);
    const double naiveRef = groupedMedian(naiveMs, kUpdateEvery);
    const double frameRatio = value / ref;
    const double naiveRatio = value / naiveRef;
    std::printf("BENCH view3d.frame value=%.3f unit=ms ref=%.3f ratio=%.2f goal=<=%.1f %s\n", value, ref,
        frameRatio, kFrameGoal, frameRatio <= kFrameGoal ? "PASS" : "FAIL");
    std::printf("BENCH view3d.naive value=%.3f unit=ms ref=%.3f ratio=%.3f goal=<=%.1f %s\n", value, naiveRef,
        naiveRatio, kNaiveGoal, naiveRatio <= kNaiveGoal ? "PASS" : "FAIL");
    // Context, not a goal: a frame of the same widget with no scene (the widget's
    // grid only: clear, FBO, composition) — the floor under every figure above.
    std::fprintf(stderr,
        "empty OsgWidget frame %.3f ms; scene drawables: ours %d, naive %zu; frames timed: ours %zu, static "
        "%zu, "
        "naive %zu\n",
        groupedMedian(emptyMs, kUpdateEvery), ours.scene()->drawableCount(), naive.drawables(), oursMs.size(),
        staticMs.size(), naiveMs.size());
    return 0;
}
