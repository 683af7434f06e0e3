#include "views3d/glprobe.h"
#include "views3d/view3d.h"

#include <QLabel>
#include <QTest>

#include <osg/Geode>

using namespace opsdeck::views3d;

class TestView3DNoGL : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explainsInsteadOfCrashing()
    {
        QString why;
        QVERIFY(!probeOpenGL(&why));
        QVERIFY2(why.contains("offscreen"), qPrintable(why));

        View3D view;
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.hasOpenGL());
        QCOMPARE(view.unavailableReason(), why);
        auto *label = view.findChild<QLabel *>("view3dUnavailable");
        QVERIFY(label && label->isVisible());
        QVERIFY(label->text().contains(why.toHtmlEscaped()));
        // Every call is safe without a GL widget.
        osg::ref_ptr<osg::Geode> scene = new osg::Geode;
        view.setScene(scene.get());
        view.setPalette3D(Palette3D::dark());
        QVERIFY(view.overlay() == nullptr);
        QVERIFY(view.grabFrame().isNull());
    }
};

QTEST_MAIN(TestView3DNoGL)
#include "tst_view3d_nogl.moc"
