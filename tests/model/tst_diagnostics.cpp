#include "model/diagnostics.h"

#include <QTest>

using opsdeck::model::Diagnostics;

class TestDiagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsPerSourceAndReasonKeepingFirstExample()
    {
        Diagnostics diag;
        diag.report("bridge", "non-finite position", "node 4 lat=nan", 10);
        diag.report("bridge", "non-finite position", "node 9 lon=inf", 20);
        diag.report("billing", "negative cost", "line 12: BilledCost=-3", 30);
        QCOMPARE(diag.total(), 3u);
        QCOMPARE(diag.count("bridge", "non-finite position"), 2u);
        QCOMPARE(diag.count("billing", "negative cost"), 1u);
        QCOMPARE(diag.count("billing", "unknown"), 0u);

        diag.publish();
        const auto snap = diag.snapshot();
        QCOMPARE(snap->size(), 2u);
        const auto &bridge = (*snap)[1].source == "bridge" ? (*snap)[1] : (*snap)[0];
        QCOMPARE(bridge.firstExample, QString("node 4 lat=nan"));
        QCOMPARE(bridge.lastExample, QString("node 9 lon=inf"));
        QCOMPARE(bridge.firstSeenUnixNs, 10);
        QCOMPARE(bridge.lastSeenUnixNs, 20);
    }

    void memoryStaysBoundedUnderManyDistinctReasons()
    {
        Diagnostics diag(8);
        for (int i = 0; i < 1000; ++i)
            diag.report("fuzz", QString("reason %1").arg(i), QString(10000, 'x'), i);
        diag.publish();
        QVERIFY(diag.snapshot()->size() <= 9);
        QCOMPARE(diag.total(), 1000u);
        QCOMPARE(diag.count("fuzz", "other reasons"), 1000u - 8u);
        // Examples are clipped so one huge bad input cannot bloat the diagnostics.
        for (const auto &entry : *diag.snapshot())
            QVERIFY(entry.firstExample.size() < 300);
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
