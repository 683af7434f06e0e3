#include "widgets/timelineview.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace opsdeck::widgets;
using opsdeck::model::recording::MarkKind;

namespace {
constexpr qint64 kS = 1'000'000'000;
constexpr qint64 kT0 = 1'800'000'000LL * kS;
} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateSaysHowToOpenARecording()
    {
        TimelineView view;
        view.resize(800, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.isRecordingOpen());
        auto *empty = view.findChild<QLabel *>("timelineEmptyState");
        QVERIFY(empty && empty->isVisible());
        QVERIFY(empty->text().contains("--replay"));
        // Keys do nothing without a recording.
        QSignalSpy play(&view, &TimelineView::playToggled);
        QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(play.count(), 0);
    }

    void dragOnTheBarSeeksAndMarksSitAtTheirTimes()
    {
        TimelineView view;
        view.resize(800, 120);
        view.setRecordingOpen(true, "run.opsrec");
        view.setRange(kT0, kT0 + 100 * kS);
        view.setMarks({ { kT0 + 25 * kS, MarkKind::Control, "FREEZE" },
            { kT0 + 75 * kS, MarkKind::Alert, "timeouts" } });
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        TimelineBar *bar = view.bar();
        QSignalSpy seek(&view, &TimelineView::seekRequested);

        const int y = bar->height() / 2;
        QTest::mousePress(bar, Qt::LeftButton, {}, QPoint(bar->xFor(kT0 + 50 * kS), y));
        QCOMPARE(seek.count(), 1);
        QVERIFY(std::abs(seek.last().at(0).toLongLong() - (kT0 + 50 * kS)) < kS); // within a pixel's worth
        QTest::mouseMove(bar, QPoint(bar->xFor(kT0 + 90 * kS), y));
        QTest::mouseRelease(bar, Qt::LeftButton, {}, QPoint(bar->xFor(kT0 + 90 * kS), y));

        // Marks are painted at their x in their kind's colour.
        const QImage image = bar->grab().toImage();
        const int xMark = bar->xFor(kT0 + 25 * kS);
        QCOMPARE(image.pixelColor(xMark, 10).rgb(), TimelineBar::colorFor(MarkKind::Control).rgb());
        QCOMPARE(image.pixelColor(bar->xFor(kT0 + 75 * kS), 10).rgb(),
            TimelineBar::colorFor(MarkKind::Alert).rgb());
        QVERIFY(image.pixelColor(xMark + 20, 10).rgb() != TimelineBar::colorFor(MarkKind::Control).rgb());
    }

    void keyboardDrivesTheTransport()
    {
        TimelineView view;
        view.setRecordingOpen(true);
        view.setRange(kT0, kT0 + 10 * kS);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.bar()->setFocus();
        QSignalSpy play(&view, &TimelineView::playToggled);
        QSignalSpy step(&view, &TimelineView::stepRequested);
        QSignalSpy next(&view, &TimelineView::nextMarkRequested);
        QTest::keyClick(view.bar(), Qt::Key_Space);
        QTest::keyClick(view.bar(), Qt::Key_Right);
        QTest::keyClick(view.bar(), Qt::Key_Left);
        QTest::keyClick(view.bar(), Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(play.count(), 1);
        QCOMPARE(step.count(), 2);
        QCOMPARE(step.at(0).at(0).toLongLong(), kS);
        QCOMPARE(step.at(1).at(0).toLongLong(), -kS);
        QCOMPARE(next.count(), 1);
    }

    void positionIsShownInUtcAndAsOffset()
    {
        const QString text = TimelineView::formatPosition(kT0 + 62 * kS + 250'000'000, kT0);
        QVERIFY2(text.contains("UTC") && text.contains("+00:01:02.250"), qPrintable(text));
        TimelineView view;
        view.setRecordingOpen(true);
        view.setRange(kT0, kT0 + 100 * kS);
        view.setPosition(kT0 + 62 * kS + 250'000'000);
        QVERIFY(view.findChild<QLabel *>("timelinePosition")->text().contains("+00:01:02.250"));
        auto *combo = view.findChild<QComboBox *>();
        QVERIFY(combo);
        view.setSpeed(7); // shown as the nearest offered speed
        QCOMPARE(combo->currentText(), QString("8×"));
        QCOMPARE(TimelineView::speeds().front(), 0.1);
        QCOMPARE(TimelineView::speeds().back(), 32.0);
        QSignalSpy speed(&view, &TimelineView::speedRequested);
        combo->activated(1); // what a user's pick of 0.25× emits
        QCOMPARE(speed.count(), 1);
        QCOMPARE(speed.at(0).at(0).toDouble(), 0.25);
    }
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
