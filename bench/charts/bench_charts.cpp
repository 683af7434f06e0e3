// charts.redraw: one redraw of 16 series x 100,000 points in the OpsDeck time
// chart (min/max decimation to the plot's pixel columns, then paint) against a
// plain QLineSeries per series holding every point (paint only), same size,
// same run, offscreen.
#include "widgets/chartstimeview.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

namespace {

std::vector<std::vector<QPointF>> makeData(int series, int points)
{
    std::vector<std::vector<QPointF>> data(static_cast<std::size_t>(series));
    std::mt19937_64 rng(3);
    std::lognormal_distribution<double> noise(0.0, 0.3);
    const double t0 = 1.8e12;
    for (int s = 0; s < series; ++s) {
        auto &v = data[std::size_t(s)];
        v.reserve(std::size_t(points));
        for (int i = 0; i < points; ++i)
            v.emplace_back(t0 + i * 1000.0, (10.0 + s) * (1.0 + 0.3 * std::sin(i / 500.0)) * noise(rng));
    }
    return data;
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help")) {
            std::printf("bench_charts [--quick]\n"
                        "  charts.redraw: ratio = ours / reference redraw time (lower is better).\n"
                        "    ours = ChartsTimeView: min/max decimation of 16 x 100,000 points + paint;\n"
                        "    reference = QChartView with 16 QLineSeries holding every point, paint only.\n");
            return 0;
        }
        quick |= !std::strcmp(argv[i], "--quick");
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int series = 16;
    const int points = quick ? 20'000 : 100'000;
    const auto data = makeData(series, points);
    const QSize size(1280, 720);

    // Ours.
    opsdeck::widgets::ChartsTimeView ours(QStringLiteral("p99"), QStringLiteral("ms"));
    ours.resize(size);
    ours.show();
    for (int s = 0; s < series; ++s)
        ours.setSeries(QStringLiteral("s%1").arg(s), data[std::size_t(s)]);
    ours.setThreshold(QStringLiteral("deadline"), 20.0);
    ours.redecimate();
    QCoreApplication::processEvents();
    (void)ours.grab(); // warm-up
    const int oursRounds = quick ? 3 : 8;
    double oursBest = 1e30;
    for (int r = 0; r < oursRounds; ++r) {
        QElapsedTimer t;
        t.start();
        ours.redecimate();
        QCoreApplication::processEvents();
        const QPixmap pm = ours.grab();
        oursBest = std::min(oursBest, msSince(t));
        if (pm.isNull())
            return 1;
    }

    // Reference: every point in a plain QLineSeries.
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *x = new QDateTimeAxis;
    auto *y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (int s = 0; s < series; ++s) {
        auto *ls = new QLineSeries;
        ls->replace(QList<QPointF>(data[std::size_t(s)].begin(), data[std::size_t(s)].end()));
        chart->addSeries(ls);
        ls->attachAxis(x);
        ls->attachAxis(y);
    }
    x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(data[0].front().x()), Qt::UTC),
        QDateTime::fromMSecsSinceEpoch(qint64(data[0].back().x()), Qt::UTC));
    y->setRange(0, 60);
    QChartView ref(chart);
    ref.resize(size);
    ref.show();
    QCoreApplication::processEvents();
    (void)ref.grab();
    double refBest = 1e30;
    for (int r = 0; r < 2; ++r) {
        QElapsedTimer t;
        t.start();
        ref.viewport()->update();
        QCoreApplication::processEvents();
        const QPixmap pm = ref.grab();
        refBest = std::min(refBest, msSince(t));
        if (pm.isNull())
            return 1;
    }
    const double ratio = oursBest / refBest;
    std::printf("# %d series x %d points: shown %d points (of %zu), ours %.1f ms, reference %.1f ms\n",
        series, points, ours.displayedPointCount(), ours.storedPointCount(), oursBest, refBest);
    std::printf("BENCH charts.redraw value=%.2f unit=ms ref=%.2f ratio=%.4f goal=<=0.1 %s\n", oursBest,
        refBest, ratio, ratio <= 0.1 ? "PASS" : "FAIL");
    return 0;
}
