#include "tests/testscale.h"
#include "views3d/osgwidget.h"
#include "views3d/view3d.h"

#include <QLayout>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <osg/Geode>

#include <optional>

using namespace opsdeck::views3d;

namespace {

QColor toQColor(const osg::Vec4 &c)
{
    return QColor::fromRgbF(c.r(), c.g(), c.b());
}

bool close(const QColor &a, const QColor &b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

// Where a world point lands in the grabbed image (top-left origin).
QPoint project(OsgWidget *gl, const osg::Vec3d &world, const QImage &image)
{
    osg::Camera *cam = gl->camera();
    const osg::Matrixd m
        = cam->getViewMatrix() * cam->getProjectionMatrix() * cam->getViewport()->computeWindowMatrix();
    const osg::Vec3d w = world * m;
    return { int(std::lround(w.x())), image.height() - 1 - int(std::lround(w.y())) };
}

// The pixel nearest to `at` (within `radius`) that has `want`'s colour.
std::optional<QPoint> findColor(const QImage &image, QPoint at, const QColor &want, int radius = 2)
{
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at + QPoint(dx, dy);
            if (image.rect().contains(p) && close(image.pixelColor(p), want))
                return p;
        }
    return std::nullopt;
}

QString describe(const QImage &image, QPoint at)
{
    QStringList colours;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx)
            if (image.rect().contains(at + QPoint(dx, dy)))
                colours << image.pixelColor(at + QPoint(dx, dy)).name();
    return QStringLiteral("at %1,%2: %3").arg(at.x()).arg(at.y()).arg(colours.join(' '));
}

} // namespace

class TestView3D : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<View3D> m_view;
    OsgWidget *gl() const { return m_view->osgWidget(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_view = std::make_unique<View3D>();
        QVERIFY2(m_view->hasOpenGL(), qPrintable(m_view->unavailableReason()));
        m_view->resize(800, 600);
        QSignalSpy frames(m_view.get(), &View3D::frameRendered);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(frames.size() > 0 || frames.wait(scaledTimeout(10000)));
    }

    void gridAxesAndBackgroundHaveThePaletteColours()
    {
        const Palette3D palette = Palette3D::light();
        const QImage image = m_view->grabFrame();
        QCOMPARE(image.size(), gl()->size() * gl()->devicePixelRatioF());

        // Points near the camera (it looks from the south, y < 0), between
        // the lines that cross them, so nothing else is drawn there.
        const struct
        {
            osg::Vec3d world;
            QColor colour;
            const char *what;
        } expected[] = {
            { { -50, -35, 0 }, toQColor(palette.gridMajor), "major line x=-50" },
            { { 50, -35, 0 }, toQColor(palette.gridMajor), "major line x=50" },
            { { -30, -35, 0 }, toQColor(palette.gridMinor), "minor line x=-30" },
            { { -15, -50, 0 }, toQColor(palette.gridMajor), "major line y=-50" },
            { { 25, 0, 0 }, toQColor(palette.axisEast), "east axis" },
            { { 0, 35, 0 }, toQColor(palette.axisNorth), "north axis" },
            { { 0, 0, 15 }, toQColor(palette.axisUp), "up axis" },
        };
        for (const auto &e : expected) {
            const QPoint at = project(gl(), e.world, image);
            QVERIFY2(image.rect().contains(at), e.what);
            QVERIFY2(findColor(image, at, e.colour).has_value(),
                qPrintable(
                    QStringLiteral("%1 should be %2; %3").arg(e.what, e.colour.name(), describe(image, at))));
        }
        // The middle of a grid cell and the sky are the background, exactly.
        const QColor background = toQColor(palette.background);
        for (const osg::Vec3d &world : { osg::Vec3d(-45, -45, 0), osg::Vec3d(15, -65, 0) }) {
            const QPoint at = project(gl(), world, image);
            QVERIFY2(close(image.pixelColor(at), background, 1), qPrintable(describe(image, at)));
            // ...and no grid colour anywhere near it.
            QVERIFY2(!findColor(image, at, toQColor(palette.gridMajor), 3), qPrintable(describe(image, at)));
        }
        QVERIFY2(close(image.pixelColor(5, 5), background, 1), qPrintable(image.pixelColor(5, 5).name()));
    }

    void paletteSwitchRecolours()
    {
        m_view->setPalette3D(Palette3D::dark());
        const QImage image = m_view->grabFrame();
        const Palette3D dark = Palette3D::dark();
        QVERIFY(close(image.pixelColor(5, 5), toQColor(dark.background), 1));
        const QPoint at = project(gl(), { -50, -35, 0 }, image);
        QVERIFY2(findColor(image, at, toQColor(dark.gridMajor)).has_value(), qPrintable(describe(image, at)));
        m_view->setPalette3D(Palette3D::light());
    }

    void survivesANewContext()
    {
        // Moving the GL widget to another top-level window (a floated dock)
        // gives it a new context; the grid must still be drawn right.
        QWidget other;
        other.resize(640, 480);
        OsgWidget *widget = gl();
        widget->setParent(&other);
        widget->resize(640, 480);
        QSignalSpy frames(widget, &OsgWidget::frameRendered);
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        widget->show();
        QVERIFY(frames.size() > 0 || frames.wait(scaledTimeout(5000)));
        const QImage image = widget->grabFrame();
        const QPoint at = project(widget, { -50, -35, 0 }, image);
        QVERIFY2(findColor(image, at, toQColor(Palette3D::light().gridMajor)).has_value(),
            qPrintable(describe(image, at)));
        // Back home, for the tests after this one.
        widget->setParent(m_view.get());
        m_view->layout()->addWidget(widget);
        widget->show();
        const QImage again = m_view->grabFrame();
        const QPoint home = project(widget, { -50, -35, 0 }, again);
        QVERIFY2(findColor(again, home, toQColor(Palette3D::light().gridMajor)).has_value(),
            qPrintable(describe(again, home)));
    }

    void framesOnlyOnDemand()
    {
        QSignalSpy frames(m_view.get(), &View3D::frameRendered);
        // Settle whatever was pending, then nothing changes: no frames.
        frames.wait(scaledTimeout(200));
        frames.clear();
        QVERIFY2(!frames.wait(300), "a frame was drawn although nothing changed");
        gl()->requestFrame();
        QVERIFY(frames.wait(scaledTimeout(3000)));
    }

    void mouseAndWheelMoveTheCamera()
    {
        QSignalSpy frames(m_view.get(), &View3D::frameRendered);
        const osg::Matrixd before = gl()->camera()->getViewMatrix();
        const QPointF from(400, 300), to(480, 320);
        QMouseEvent press(QEvent::MouseButtonPress, from, gl()->mapToGlobal(from), Qt::LeftButton,
            Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(gl(), &press);
        for (int i = 1; i <= 4; ++i) {
            const QPointF p = from + (to - from) * (i / 4.0);
            QMouseEvent move(
                QEvent::MouseMove, p, gl()->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(gl(), &move);
        }
        QMouseEvent release(QEvent::MouseButtonRelease, to, gl()->mapToGlobal(to), Qt::LeftButton,
            Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(gl(), &release);
        QVERIFY(frames.wait(scaledTimeout(3000)));
        QTRY_VERIFY_WITH_TIMEOUT(gl()->camera()->getViewMatrix() != before, scaledTimeout(3000));

        const double distanceBefore = gl()->camera()->getInverseViewMatrix().getTrans().length();
        QWheelEvent wheel(QPointF(400, 300), gl()->mapToGlobal(QPointF(400, 300)), QPoint(), QPoint(0, 120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(gl(), &wheel);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::abs(gl()->camera()->getInverseViewMatrix().getTrans().length() - distanceBefore) > 1.0,
            scaledTimeout(3000));
        gl()->resetCamera();
    }

    void sceneReplacesTheGrid()
    {
        osg::ref_ptr<osg::Geode> topology = new osg::Geode;
        m_view->setScene(topology.get());
        QVERIFY(!gl()->isGridVisible());
        QCOMPARE(gl()->scene(), topology.get());
        const QImage image = m_view->grabFrame();
        const QPoint at = project(gl(), { -50, -35, 0 }, image);
        QVERIFY2(
            !findColor(image, at, toQColor(Palette3D::light().gridMajor)), qPrintable(describe(image, at)));
        m_view->setScene(nullptr);
        QVERIFY(gl()->isGridVisible());
        QVERIFY(m_view->overlay() != nullptr);
    }
};

QTEST_MAIN(TestView3D)
#include "tst_view3d.moc"
