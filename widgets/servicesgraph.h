#pragma once

#include "model/latencybook.h"

#include <QWidget>

#include <memory>

namespace opsdeck::widgets {

// The service dependency graph in 2D: services in layers from the entry point
// (callers left, callees right), replicas as dots under each service coloured
// by health, edges coloured by p99 against the callee's deadline and thickened
// by timeout rate. Hovering an edge shows its numbers. GUI thread only.
class ServicesGraph : public QWidget
{
    Q_OBJECT

public:
    explicit ServicesGraph(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const model::LatencyBook::Snapshot> snapshot);
    void setWindow(model::LatencyBook::ViewIndex window);

    // Layout results, for tests and for the 3D layer if the lead wants it.
    QStringList services() const { return m_order; }
    QPointF position(const QString &service) const;
    // 0 fine, 1 warning, 2 critical for the edge's p99/deadline and timeouts.
    int edgeSeverity(const QString &caller, const QString &callee) const;

    QSize sizeHint() const override { return { 520, 300 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void layoutNodes();

    std::shared_ptr<const model::LatencyBook::Snapshot> m_snapshot;
    model::LatencyBook::ViewIndex m_window = model::LatencyBook::Minute1;
    QStringList m_order;
    QHash<QString, QPointF> m_positions; // normalised [0,1]²
};

} // namespace opsdeck::widgets
