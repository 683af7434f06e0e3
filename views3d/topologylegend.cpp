#include "views3d/topologylegend.h"

#include "model/costformat.h"
#include "views3d/palette3d.h"

#include <QLinearGradient>
#include <QPainter>

#include <functional>

namespace opsdeck::views3d {

namespace {
QColor toQColor(const osg::Vec4 &c)
{
    return QColor::fromRgbF(c.r(), c.g(), c.b(), c.a());
}

constexpr int kMargin = 8;
constexpr int kBarHeight = 12;
} // namespace

TopologyLegend::TopologyLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("topologyLegend"));
    setAccessibleName(tr("Colour legend"));
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

void TopologyLegend::setNodeColoring(TopologyScene::NodeColoring coloring,
    std::shared_ptr<const model::NodeCosts> costs, std::size_t nodeCount)
{
    const bool resized = coloring != m_nodeColoring;
    m_nodeColoring = coloring;
    m_costs = std::move(costs);
    m_nodeCount = nodeCount;
    setAccessibleDescription(title() + QLatin1String("; ") + nodeTitle());
    if (resized)
        resize(sizeHint());
    update();
}

void TopologyLegend::setRouteColor(const osg::Vec4 &color)
{
    m_route = color;
    update();
}

QString TopologyLegend::title() const
{
    return m_coloring == TopologyScene::LinkColoring::Quality ? tr("Link quality")
                                                              : tr("Link latency (one way)");
}

QString TopologyLegend::nodeTitle() const
{
    if (m_nodeColoring == TopologyScene::NodeColoring::KindAndStatus)
        return tr("Nodes by kind and status");
    return tr("Node cost so far (effective)");
}

QString TopologyLegend::costSummary() const
{
    if (!m_costs || m_costs->empty())
        return tr("no cost data for these nodes yet");
    return tr("%1 of %2 nodes billed, %3 in all")
        .arg(m_costs->entries().size())
        .arg(m_nodeCount)
        .arg(model::CostFormat::money(m_costs->totalEffective(), m_costs->currency()));
}

QSize TopologyLegend::sizeHint() const
{
    const QFontMetrics fm(font());
    const bool cost = m_nodeColoring == TopologyScene::NodeColoring::Cost;
    int width = std::max({ 240, fm.horizontalAdvance(title()), fm.horizontalAdvance(nodeTitle()) });
    if (cost)
        width = std::max(width, fm.horizontalAdvance(costSummary()));
    // Link ramp: title, bar, end labels; nodes: title and keys, or a second ramp.
    const int lines = cost ? 7 : 5;
    return { width + 2 * kMargin + 8, lines * fm.height() + (cost ? 2 : 1) * (kBarHeight + 6) + 10 };
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
    const QColor text = palette().color(QPalette::WindowText);
    p.setPen(text);

    const int m = kMargin;
    int y = m + fm.ascent();
    // A titled ramp from `left` to `right`; leaves y on the line below it.
    auto ramp = [&](const QString &heading, const std::function<osg::Vec4(double)> &color,
                    const QString &left, const QString &right) {
        p.setPen(text);
        p.drawText(m, y, heading);
        y += 6;
        const QRect bar(m, y, width() - 2 * m, kBarHeight);
        QLinearGradient gradient(bar.topLeft(), bar.topRight());
        for (int i = 0; i <= 8; ++i)
            gradient.setColorAt(i / 8.0, toQColor(color(i / 8.0)));
        p.fillRect(bar, gradient);
        y = bar.bottom() + 4 + fm.ascent();
        p.drawText(m, y, left);
        p.drawText(width() - m - fm.horizontalAdvance(right), y, right);
        y += fm.height();
    };
    const bool quality = m_coloring == TopologyScene::LinkColoring::Quality;
    ramp(
        title(), [](double t) { return Palette3D::ramp(t); },
        quality ? tr("0 (unusable)") : tr("≥ %1 ms").arg(m_latencyScaleMs, 0, 'f', 0),
        quality ? tr("1 (perfect)") : tr("0 ms"));

    struct Key
    {
        osg::Vec4 color;
        QString label;
        bool line = false;
    };
    std::vector<Key> keys;
    if (m_nodeColoring == TopologyScene::NodeColoring::Cost) {
        const QString currency = m_costs ? m_costs->currency() : QString();
        const double top = m_costs ? m_costs->maxEffective() : 0.0;
        ramp(
            nodeTitle(), [](double t) { return TopologyScene::costColor(t); },
            model::CostFormat::money(0.0, currency), model::CostFormat::money(top, currency));
        p.drawText(m, y, costSummary());
        y += fm.height();
        keys.push_back({ TopologyScene::kNoCostColor, tr("no cost data") });
    } else {
        p.drawText(m, y, nodeTitle());
        y += fm.height();
        keys = {
            { TopologyScene::nodeColor(opsdeck::v1::NODE_KIND_AIRCRAFT, opsdeck::v1::NODE_STATUS_OK),
                tr("aircraft") },
            { TopologyScene::nodeColor(opsdeck::v1::NODE_KIND_GROUND_STATION, opsdeck::v1::NODE_STATUS_OK),
                tr("ground") },
            { TopologyScene::nodeColor(opsdeck::v1::NODE_KIND_UNSPECIFIED, opsdeck::v1::NODE_STATUS_DEGRADED),
                tr("degraded") },
            { TopologyScene::nodeColor(opsdeck::v1::NODE_KIND_UNSPECIFIED, opsdeck::v1::NODE_STATUS_FAILED),
                tr("failed") },
        };
    }
    keys.push_back({ m_route, tr("route"), true });
    int x = m;
    for (const auto &[color, label, line] : keys) {
        const int w = 10 + 4 + fm.horizontalAdvance(label) + 8;
        if (x + w > width() - m) {
            x = m;
            y += fm.height();
        }
        p.setPen(Qt::NoPen);
        p.setBrush(toQColor(color));
        if (line)
            p.drawRect(QRect(x - 2, y - 6, 14, 4));
        else
            p.drawEllipse(QRect(x, y - 9, 10, 10));
        p.setPen(text);
        p.drawText(x + 14, y, label);
        x += w;
    }
}

} // namespace opsdeck::views3d
