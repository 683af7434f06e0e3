#pragma once

#include "model/latencybook.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace opsdeck::widgets {

class ChartsTimeView;
class LatencyHistogram;
class ServicesGraph;
class ServicesProxyModel;
class ServicesTableModel;

// The Services dock's content: which service is slow, which is timing out and
// how close each method runs to its deadline. A sortable, filterable table
// (methods, edges, replicas) with sparklines and threshold colours; below it,
// for the selected rows, percentiles over time with the deadline, the latency
// distribution, timeouts/errors/retries over time and the dependency graph.
// Feed it LatencyBook snapshots on the GUI thread (≤ 60 Hz; the charts only
// rebuild when a second has closed or the selection changed).
class ServicesView : public QWidget
{
    Q_OBJECT

public:
    explicit ServicesView(QWidget *parent = nullptr);
    ~ServicesView() override;

    void setSnapshot(std::shared_ptr<const model::LatencyBook::Snapshot> snapshot);

    ServicesTableModel *tableModel() const { return m_model; }
    ServicesProxyModel *proxyModel() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    ChartsTimeView *latencyChart() const { return m_latency; }
    ChartsTimeView *errorsChart() const { return m_errors; }
    LatencyHistogram *histogram() const { return m_histogram; }
    ServicesGraph *graph() const { return m_graph; }
    bool showsEmptyState() const;

    bool exportTableCsv(const QString &path) const;

private:
    void rebuildCharts();
    void exportCurrent(bool png);
    std::vector<const model::LatencyBook::Row *> chartedRows() const;

    std::shared_ptr<const model::LatencyBook::Snapshot> m_snapshot;
    std::int64_t m_chartedSecond = -1;
    ServicesTableModel *m_model = nullptr;
    ServicesProxyModel *m_proxy = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_window = nullptr;
    QComboBox *m_kinds = nullptr;
    QCheckBox *m_problems = nullptr;
    QToolButton *m_export = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_tabs = nullptr;
    ChartsTimeView *m_latency = nullptr;
    ChartsTimeView *m_errors = nullptr;
    LatencyHistogram *m_histogram = nullptr;
    ServicesGraph *m_graph = nullptr;
};

} // namespace opsdeck::widgets
