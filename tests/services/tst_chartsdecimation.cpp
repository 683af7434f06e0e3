#include "widgets/chartsdecimator.h"
#include "widgets/chartstimeview.h"

#include <QChart>
#include <QDateTime>
#include <QElapsedTimer>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QTest>
#include <QTime>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using opsdeck::widgets::ChartsDecimator;
using opsdeck::widgets::ChartsTimeView;

class TestChartsDecimation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsEverySpikeWithinTwoPointsPerColumn()
    {
        std::vector<QPointF> pts;
        for (int i = 0; i < 100000; ++i)
            pts.emplace_back(i, 10.0 + std::sin(i / 100.0));
        pts[31337].setY(500.0); // one spike
        pts[77777].setY(-40.0); // one dip
        const auto out = ChartsDecimator::decimate(pts, 0, 100000, 800);
        QVERIFY(out.size() <= 2 * 800 + 2);
        double top = -1e9, bottom = 1e9;
        for (const QPointF &p : out) {
            top = std::max(top, p.y());
            bottom = std::min(bottom, p.y());
        }
        QCOMPARE(top, 500.0);
        QCOMPARE(bottom, -40.0);
        for (int i = 1; i < out.size(); ++i)
            QVERIFY(out[i].x() >= out[i - 1].x());
    }

    void rangeAndSmallInputs()
    {
        std::vector<QPointF> pts;
        for (int i = 0; i < 1000; ++i)
            pts.emplace_back(i, i);
        // A visible window keeps one neighbour each side so lines enter the plot.
        const auto out = ChartsDecimator::decimate(pts, 100, 200, 1000);
        QCOMPARE(out.front().x(), 99.0);
        QCOMPARE(out.back().x(), 200.0);
        QVERIFY(ChartsDecimator::decimate({}, 0, 1, 10).isEmpty());
        QVERIFY(ChartsDecimator::decimate(pts, 5, 5, 10).isEmpty());
    }

    void runsBreakAtGaps()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        // Runs 0–2 and 10–11, a point alone at 20, a gap, 30–31.
        const std::vector<QPointF> pts { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, nan }, { 10, 4 }, { 11, 5 },
            { 12, nan }, { 20, 6 }, { 21, nan }, { 30, 7 }, { 31, 8 } };
        auto runs = ChartsDecimator::decimateRuns(pts, 0, 31, 100, 24);
        QCOMPARE(runs.lines.size(), std::size_t(3));
        QCOMPARE(runs.lines[0], (QList<QPointF> { { 0, 1 }, { 1, 2 }, { 2, 3 } }));
        QCOMPARE(runs.lines[1], (QList<QPointF> { { 10, 4 }, { 11, 5 } }));
        QCOMPARE(runs.lines[2], (QList<QPointF> { { 30, 7 }, { 31, 8 } }));
        QCOMPARE(runs.dots, (QList<QPointF> { { 20, 6 } }));
        // Runs outside the range are left out; one reaching into it keeps its
        // neighbour outside so the line enters the plot.
        runs = ChartsDecimator::decimateRuns(pts, 10.5, 25, 100, 24);
        QCOMPARE(runs.lines.size(), std::size_t(1));
        QCOMPARE(runs.lines[0], (QList<QPointF> { { 10, 4 }, { 11, 5 } }));
        QCOMPARE(runs.dots, (QList<QPointF> { { 20, 6 } }));
        // Beyond maxLines the rest is joined to the last line.
        runs = ChartsDecimator::decimateRuns(pts, 0, 31, 100, 2);
        QCOMPARE(runs.lines.size(), std::size_t(2));
        QCOMPARE(runs.lines[1], (QList<QPointF> { { 10, 4 }, { 11, 5 }, { 30, 7 }, { 31, 8 } }));
        QCOMPARE(runs.dots.size(), 1);
        // No NaN: one run, as decimate() gives.
        std::vector<QPointF> plain;
        for (int i = 0; i < 5000; ++i)
            plain.emplace_back(i, std::sin(i / 10.0));
        runs = ChartsDecimator::decimateRuns(plain, 0, 5000, 300, 24);
        QCOMPARE(runs.lines.size(), std::size_t(1));
        QCOMPARE(runs.lines[0], ChartsDecimator::decimate(plain, 0, 5000, 300));
    }

    // A method called in some seconds only: no line across the seconds
    // without calls, a dot for a second alone, one legend entry.
    void gapsAreNotBridged()
    {
        ChartsTimeView view(QStringLiteral("p99"), QStringLiteral("ms"));
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double t0 = 1.8e12, nan = std::numeric_limits<double>::quiet_NaN();
        std::vector<QPointF> pts;
        for (int i = 0; i <= 10; ++i)
            pts.emplace_back(t0 + i * 1000.0, 10.0);
        pts.emplace_back(t0 + 11'000.0, nan);
        pts.emplace_back(t0 + 30'000.0, 10.0); // alone
        pts.emplace_back(t0 + 31'000.0, nan);
        for (int i = 50; i <= 60; ++i)
            pts.emplace_back(t0 + i * 1000.0, 10.0);
        view.setSeries(QStringLiteral("audit/Export p99"), std::move(pts));
        view.setSeries(QStringLiteral("audit/Export p50"), { { t0, 5.0 }, { t0 + 60'000.0, 5.0 } });
        view.redecimate();
        QCOMPARE(view.displayedPointCount(), 11 + 1 + 11 + 2);
        // Two names, two legend markers, whatever the pieces.
        auto visibleMarkers = [&] {
            QStringList names;
            for (QLegendMarker *marker : view.chart()->legend()->markers())
                if (marker->isVisible())
                    names << marker->label();
            return names;
        };
        QTRY_COMPARE(visibleMarkers().size(), 2);
        QVERIFY(view.legendShown());
        const QColor color = ChartsTimeView::seriesColor(0, false);
        QTRY_VERIFY(view.chart()->plotArea().width() > 100);
        const QImage image = view.viewport()->grab().toImage();
        auto near = [](const QColor &a, const QColor &b) {
            return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
                + std::abs(a.blue() - b.blue())
                < 60;
        };
        auto inkNear = [&](double ms) {
            // The series' colour within 3 px of (ms, 10).
            const QPoint c = view.mapFromScene(view.chart()->mapToPosition(QPointF(ms, 10.0)));
            int n = 0;
            for (int x = c.x() - 3; x <= c.x() + 3; ++x)
                for (int y = c.y() - 3; y <= c.y() + 3; ++y)
                    n += image.valid(x, y) && near(image.pixelColor(x, y), color);
            return n;
        };
        QVERIFY(inkNear(t0 + 5'000.0) > 0); // a run
        QVERIFY(inkNear(t0 + 30'000.0) > 0); // the dot
        QCOMPARE(inkNear(t0 + 20'000.0), 0); // the gaps
        QCOMPARE(inkNear(t0 + 40'000.0), 0);
        QVERIFY(inkNear(t0 + 55'000.0) > 0);
        // A theme change (dark palette) keeps the pieces out of the legend.
        QPalette dark;
        dark.setColor(QPalette::Window, Qt::black);
        dark.setColor(QPalette::Base, Qt::black);
        view.setPalette(dark);
        view.redecimate();
        QTRY_COMPARE(visibleMarkers().size(), 2);
        // Fewer pieces when the gaps close; the export has no gaps in it.
        view.setSeries(QStringLiteral("audit/Export p99"), { { t0, 10.0 }, { t0 + 60'000.0, 10.0 } });
        view.redecimate();
        QCOMPARE(view.chart()->series().size(), 2 + 1); // + the empty dots series
        QCOMPARE(view.displayedPointCount(), 4);
    }

    void timeAxisHasLabelsAndGridAtDockSizes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("narrow dock") << QSize(360, 180);
        QTest::newRow("dock") << QSize(480, 260);
        QTest::newRow("wide") << QSize(800, 400);
    }

    // Shown empty first, as in the Services dock: the time axis was once laid
    // out with QDateTimeAxis's initial 0..0 range and never drew a label.
    void timeAxisHasLabelsAndGridAtDockSizes()
    {
        QFETCH(QSize, size);
        ChartsTimeView view(QStringLiteral("p99"), QStringLiteral("ms"));
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double t0 = 1.8e12; // 2027-01-15 08:00 UTC: no midnight within a minute in any zone
        std::vector<QPointF> pts;
        for (int i = 0; i <= 60; ++i)
            pts.emplace_back(t0 + i * 1000.0, 20.0 + i % 10);
        view.setSeries(QStringLiteral("orders/PlaceOrder p99"), std::move(pts));
        view.redecimate();
        // Qt Charts labels the axis in local time.
        const QTime first = QDateTime::fromMSecsSinceEpoch(qint64(t0)).time();
        const QTime last = QDateTime::fromMSecsSinceEpoch(qint64(t0) + 60'000).time();
        auto timeLabels = [&] {
            // Whole (not elided) labels below the plot whose times are in the range.
            QList<QGraphicsTextItem *> labels;
            const QRectF plot = view.chart()->plotArea();
            for (QGraphicsItem *item : view.scene()->items()) {
                auto *text = dynamic_cast<QGraphicsTextItem *>(item);
                if (!text || !text->isVisible() || text->sceneBoundingRect().top() < plot.bottom())
                    continue;
                const QTime t = QTime::fromString(text->toPlainText(), QStringLiteral("HH:mm:ss"));
                if (t.isValid() && t >= first && t <= last)
                    labels << text;
            }
            return labels;
        };
        auto describe = [&] {
            QStringList texts;
            for (QGraphicsItem *item : view.scene()->items())
                if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                    texts << text->toPlainText();
            return texts.join(QLatin1Char('|'));
        };
        QTRY_VERIFY2(timeLabels().size() >= 3, qPrintable(describe()));
        // A vertical grid line across the plot at each inner tick.
        const QRectF plot = view.chart()->plotArea();
        int gridLines = 0;
        for (QGraphicsItem *item : view.scene()->items()) {
            auto *line = dynamic_cast<QGraphicsLineItem *>(item);
            if (!line || !line->isVisible())
                continue;
            const QLineF l(line->mapToScene(line->line().p1()), line->mapToScene(line->line().p2()));
            gridLines += qFuzzyIsNull(l.dx()) && std::abs(l.dy()) >= 0.9 * plot.height()
                && l.x1() > plot.left() + 1 && l.x1() < plot.right() - 1;
        }
        QVERIFY2(gridLines >= 2, qPrintable(QString::number(gridLines)));
        // And painted: every label has ink of its own on the chart's background.
        const QImage image = view.viewport()->grab().toImage();
        const QColor background = view.chart()->backgroundBrush().color();
        for (QGraphicsTextItem *label : timeLabels()) {
            const QRect r = view.mapFromScene(label->sceneBoundingRect()).boundingRect() & image.rect();
            int ink = 0;
            for (int x = r.left(); x <= r.right(); ++x)
                for (int y = r.top(); y <= r.bottom(); ++y)
                    ink += image.pixelColor(x, y) != background;
            QVERIFY2(ink > 20, qPrintable(label->toPlainText() + QStringLiteral(": %1 px").arg(ink)));
        }
    }

    void niceScaleHasRoundSteps_data()
    {
        QTest::addColumn<double>("max");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<double>("top");
        QTest::addColumn<int>("ticks");
        QTest::newRow("29 ms, tall") << 30.45 << 6 << 40.0 << 5; // 0 10 20 30 40
        QTest::newRow("63 ms, short") << 63.0 << 5 << 75.0 << 4; // 0 25 50 75
        QTest::newRow("exact") << 1.0 << 6 << 1.0 << 6; // 0 0.2 ... 1
        QTest::newRow("9.9") << 9.9 << 6 << 10.0 << 6;
        QTest::newRow("deadline only") << 1575.0 << 5 << 2000.0 << 5; // 0 500 ... 2000
        QTest::newRow("two labels only") << 63.0 << 2 << 100.0 << 3; // at least 2 steps
        QTest::newRow("tiny") << 0.0123 << 6 << 0.0125 << 6;
        QTest::newRow("empty") << 0.0 << 6 << 1.0 << 2;
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << 6 << 1.0 << 2;
    }

    void niceScaleHasRoundSteps()
    {
        QFETCH(double, max);
        QFETCH(int, maxTicks);
        QFETCH(double, top);
        QFETCH(int, ticks);
        const ChartsDecimator::NiceScale scale = ChartsDecimator::niceScale(max, maxTicks);
        QCOMPARE(scale.top, top);
        QCOMPARE(scale.ticks, ticks);
        QVERIFY(!(scale.top < max));
    }

    void valueAxisLabelsAreRound()
    {
        // What the user reads: the latency axis's labels in a docked chart.
        ChartsTimeView view(QStringLiteral("Latency"), QStringLiteral("ms"));
        view.resize(480, 260);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        std::vector<QPointF> pts;
        for (int i = 0; i < 60; ++i)
            pts.emplace_back(1.8e12 + i * 1000.0, 7.3 + 76.9 * (i % 7) / 6.0); // up to 84.2 ms
        view.setSeries(QStringLiteral("p99"), std::move(pts));
        view.redecimate();
        QCoreApplication::processEvents();
        QStringList numbers;
        std::vector<double> values;
        for (QGraphicsItem *item : view.scene()->items()) {
            auto *text = dynamic_cast<QGraphicsTextItem *>(item);
            bool ok = false;
            const double v = text && text->isVisible() ? text->toPlainText().toDouble(&ok) : 0.0;
            if (ok) {
                numbers << text->toPlainText();
                values.push_back(v);
            }
        }
        const QByteArray seen = numbers.join(u' ').toUtf8();
        QVERIFY2(values.size() >= 3, seen.constData());
        // 0..100 in steps of 20 or 25, never 0, 21.14, 42.27, ... 84.54.
        std::sort(values.begin(), values.end());
        const double step = values[1] - values[0];
        QVERIFY2(step == 20.0 || step == 25.0, seen.constData());
        for (std::size_t i = 0; i < values.size(); ++i)
            QVERIFY2(values[i] == step * double(i), seen.constData());
        QCOMPARE(view.yAxisMax(), 100.0);
    }

    void farThresholdsDoNotFlattenTheData()
    {
        ChartsTimeView view(QStringLiteral("p99"), QStringLiteral("ms"));
        view.resize(800, 400);
        view.show();
        std::vector<QPointF> pts;
        for (int i = 0; i < 100; ++i)
            pts.emplace_back(1.8e12 + i * 1000.0, 20.0 + i % 10); // 20–29 ms
        view.setSeries(QStringLiteral("p99"), std::move(pts));
        view.setThreshold(QStringLiteral("deadline 1.5 s"), 1500.0);
        view.redecimate();
        // The scale follows the data (29 ms: 0–40 in round steps); the
        // deadline stays in the legend.
        QVERIFY2(view.yAxisMax() <= 40.0, qPrintable(QString::number(view.yAxisMax())));
        QVERIFY(view.seriesNames().size() == 1);
        // A deadline the data comes near is drawn, scale and all.
        view.setThreshold(QStringLiteral("deadline 60 ms"), 60.0);
        view.redecimate();
        QVERIFY2(
            view.yAxisMax() >= 60.0 && view.yAxisMax() < 80.0, qPrintable(QString::number(view.yAxisMax())));
        // Without data a threshold alone gives the scale.
        view.clearSeries();
        view.redecimate();
        QVERIFY(view.yAxisMax() >= 1500.0);
    }

    void legendOnlyWhenTheNamesFit()
    {
        ChartsTimeView view(QStringLiteral("p99"), QStringLiteral("ms"));
        view.resize(900, 300);
        view.show();
        auto points = [] {
            std::vector<QPointF> pts;
            for (int i = 0; i < 10; ++i)
                pts.emplace_back(1.8e12 + i * 1000.0, 10.0 + i);
            return pts;
        };
        view.setSeries(QStringLiteral("orders/PlaceOrder p50"), points());
        view.setSeries(QStringLiteral("orders/PlaceOrder p99"), points());
        view.redecimate();
        QVERIFY(view.legendShown());
        QVERIFY(view.toolTip().isEmpty());
        // Twelve long names in a docked chart: Qt would elide them all to
        // nothing; the names go to the tooltip instead.
        for (int i = 0; i < 10; ++i)
            view.setSeries(QStringLiteral("gateway→payments-%1 p99").arg(i), points());
        view.resize(420, 220);
        view.redecimate();
        QVERIFY(!view.legendShown());
        QVERIFY(view.toolTip().contains(QStringLiteral("gateway→payments-7 p99")));
        view.resize(4000, 300); // wide enough again
        view.redecimate();
        QVERIFY(view.legendShown());
    }

    void sixteenSeriesOfOneHundredThousandPointsRender()
    {
        ChartsTimeView view(QStringLiteral("p99"), QStringLiteral("ms"));
        view.resize(1200, 700);
        view.show();
        for (int s = 0; s < 16; ++s) {
            std::vector<QPointF> pts;
            pts.reserve(100000);
            for (int i = 0; i < 100000; ++i)
                pts.emplace_back(1.8e12 + i * 1000.0, s + std::fmod(i * 0.37, 5.0));
            view.setSeries(QStringLiteral("series %1").arg(s), std::move(pts));
        }
        view.setThreshold(QStringLiteral("deadline"), 20.0);
        view.redecimate();
        QCOMPARE(view.storedPointCount(), std::size_t(1'600'000));
        const int columns = int(view.chart()->plotArea().width());
        QVERIFY(columns > 100);
        QVERIFY2(view.displayedPointCount() <= 16 * (2 * columns + 2),
            qPrintable(QString::number(view.displayedPointCount())));
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        // Something was drawn in the plot area (not just the background).
        const QColor bg = image.pixelColor(2, 2);
        int differing = 0;
        const QRectF plot = view.chart()->plotArea();
        for (int x = int(plot.left()) + 5; x < int(plot.right()); x += 7)
            for (int y = int(plot.top()) + 5; y < int(plot.bottom()); y += 7)
                differing += image.pixelColor(x, y) != bg;
        QVERIFY(differing > 100);
    }
};

QTEST_MAIN(TestChartsDecimation)
#include "tst_chartsdecimation.moc"
