#include "views3d/topologylegend.h"

#include "views3d/palette3d.h"

#include <QLinearGradient>
#include <QPainter>

namespace opsdeck::views3d {

namespace {
QColor toQColor(const osg::Vec4 &c)
{
    return QColor::fromRgbF(c.r(), c.g(), c.b(), c.a());
}
} // namespace

TopologyLegend::TopologyLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("topologyLegend"));
    setAccessibleName(tr("Link colour legend"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAutoFillBackground(false);
    resize(sizeHint());
}

void TopologyLegend::setColoring(TopologyScene::LinkColoring coloring, double latencyScaleMs)
{
    m_coloring = coloring;
    m_latencyScaleMs = latencyScaleMs;
    setAccessibleDescription(title());
    update();
}

QString TopologyLegend::title() const
{
    return m_coloring == TopologyScene::LinkColoring::Quality ? tr("Link quality")
                                                              : tr("Link latency (one way)");
}

QSize TopologyLegend::sizeHint() const
{
    const QFontMetrics fm(font());
    return { std::max(220, fm.horizontalAdvance(title()) + 24), 4 * fm.height() + 30 };
}

void TopologyLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    QColor back = palette().color(QPalette::Window);
    back.setAlpha(210);
    p.setPen(Qt::NoPen);
    p.setBrush(back);
    p.drawRoundedRect(rect().adjusted(0, 0, -1, -1), 6, 6);
    p.setPen(palette().color(QPalette::WindowText));

    const int m = 8;
    int y = m + fm.ascent();
    p.drawText(m, y, title());
    y += 6;
    const QRect bar(m, y, width() - 2 * m, 12);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 8; ++i)
        gradient.setColorAt(i / 8.0, toQColor(Palette3D::ramp(i / 8.0)));
    p.fillRect(bar, gradient);
    y = bar.bottom() + 4 + fm.ascent();
    const bool quality = m_coloring == TopologyScene::LinkColoring::Quality;
    const QString left = quality ? tr("0 (unusable)") : tr("≥ %1 ms").arg(m_latencyScaleMs, 0, 'f', 0);
    const QString right = quality ? tr("1 (perfect)") : tr("0 ms");
    p.drawText(m, y, left);
    p.drawText(width() - m - fm.horizontalAdvance(right), y, right);

    // Node colours: kinds, then the statuses that override them.
    y += fm.height();
    int x = m;
    const std::pair<osg::Vec4, QString> keys[] = {
        { TopologyScene::nodeColor(opsdeck::v1::NODE_KIND_AIRCRAFT, opsdeck::v1::NODE_STATUS_OK),
            tr("aircraft") },
        { TopologyScene::nodeColor(opsdeck::v1::NODE_KIND_GROUND_STATION, opsdeck::v1::NODE_STATUS_OK),
            tr("ground") },
        { TopologyScene::nodeColor(opsdeck::v1::NODE_KIND_UNSPECIFIED, opsdeck::v1::NODE_STATUS_DEGRADED),
            tr("degraded") },
        { TopologyScene::nodeColor(opsdeck::v1::NODE_KIND_UNSPECIFIED, opsdeck::v1::NODE_STATUS_FAILED),
            tr("failed") },
    };
    for (const auto &[color, text] : keys) {
        const int w = 10 + 4 + fm.horizontalAdvance(text) + 8;
        if (x + w > width() - m) {
            x = m;
            y += fm.height();
        }
        p.setPen(Qt::NoPen);
        p.setBrush(toQColor(color));
        p.drawEllipse(QRect(x, y - 9, 10, 10));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(x + 14, y, text);
        x += w;
    }
}

} // namespace opsdeck::views3d
