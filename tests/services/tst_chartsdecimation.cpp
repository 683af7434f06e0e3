#include "widgets/chartsdecimator.h"
#include "widgets/chartstimeview.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
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
        // The scale follows the data; the deadline stays in the legend.
        QVERIFY2(view.yAxisMax() < 40.0, qPrintable(QString::number(view.yAxisMax())));
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
