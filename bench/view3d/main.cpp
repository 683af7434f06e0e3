// view3d.empty_frame: frame time of the console's 3D view with nothing but the
// ground grid and axes, against a reference measured in the same run: a bare
// QOpenGLWidget of the same size whose paintGL only clears. Both go through
// the same path (update → paintGL into the widget's FBO → Qt composes the
// window → swap), one frame at a time, interleaved in rounds so drift on a
// shared machine hits both alike. The figure is the median frame time.
#include "views3d/glprobe.h"
#include "views3d/osgwidget.h"
#include "views3d/palette3d.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QOpenGLFunctions>
#include <QOpenGLWidget>
#include <QSurfaceFormat>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr double kGoal = 1.5; // ours / reference, lower is better
const QSize kSize(1280, 800);

class ClearWidget : public QOpenGLWidget, protected QOpenGLFunctions
{
public:
    explicit ClearWidget(const osg::Vec4 &colour)
        : m_colour(colour)
    { }

protected:
    void initializeGL() override { initializeOpenGLFunctions(); }
    void paintGL() override
    {
        glClearColor(m_colour.r(), m_colour.g(), m_colour.b(), 1.f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    }

private:
    osg::Vec4 m_colour;
};

// Draws `count` frames one after another, each waited for until swapped;
// appends each frame's wall time in milliseconds.
bool drawFrames(QOpenGLWidget *widget, int count, std::vector<double> *ms)
{
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(widget, &QOpenGLWidget::frameSwapped, &loop, &QEventLoop::quit);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        timer.start();
        widget->update();
        guard.start(5000);
        if (loop.exec() != 0)
            return false;
        ms->push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return true;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    // Measure drawing, not display pacing: no vsync wait in either widget.
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setSwapInterval(0);
    QSurfaceFormat::setDefaultFormat(format);
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "view3d.empty_frame: median frame time (ms) of the 3D view showing only the ground grid "
        "and axes at 1280x800, against a QOpenGLWidget that only clears, measured in the same "
        "run. ratio = ours / reference (lower is better); goal ratio <= %1. Needs an X server "
        "with OpenGL (run under xvfb-run).")
                                         .arg(kGoal));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("Fewer frames (a smoke run)."));
    parser.addOption(quick);
    parser.process(app);
    const int rounds = parser.isSet(quick) ? 2 : 4;
    const int framesPerRound = parser.isSet(quick) ? 15 : 40;

    QString why;
    if (!opsdeck::views3d::probeOpenGL(&why)) {
        QTextStream(stderr) << "bench_view3d_empty: " << why << Qt::endl;
        return 2;
    }
    const auto palette = opsdeck::views3d::Palette3D::light();
    opsdeck::views3d::OsgWidget ours;
    ours.setPalette3D(palette);
    ClearWidget reference(palette.background);
    for (QOpenGLWidget *w :
        { static_cast<QOpenGLWidget *>(&ours), static_cast<QOpenGLWidget *>(&reference) }) {
        w->setFixedSize(kSize);
        w->move(0, 0);
        w->show();
    }

    // Warm up both (shader compilation, first FBO allocation).
    std::vector<double> ignored;
    if (!drawFrames(&ours, 10, &ignored) || !drawFrames(&reference, 10, &ignored)) {
        QTextStream(stderr) << "bench_view3d_empty: frames were not presented (no X server?)" << Qt::endl;
        return 2;
    }
    std::vector<double> oursMs, refMs;
    for (int round = 0; round < rounds; ++round) {
        if (!drawFrames(&ours, framesPerRound, &oursMs) || !drawFrames(&reference, framesPerRound, &refMs))
            return 2;
    }
    if (ours.framesRendered() < std::uint64_t(rounds * framesPerRound)) {
        QTextStream(stderr) << "bench_view3d_empty: the 3D view rendered fewer frames than were timed"
                            << Qt::endl;
        return 2;
    }
    const double value = median(oursMs);
    const double ref = median(refMs);
    const double ratio = value / ref;
    std::printf("BENCH view3d.empty_frame value=%.3f unit=ms ref=%.3f ratio=%.2f goal=<=%.1f %s\n", value,
        ref, ratio, kGoal, ratio <= kGoal ? "PASS" : "FAIL");
    return 0;
}
