#pragma once

#include "model/diagnostics.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QTableView;
class QTimer;

namespace opsdeck::widgets {

class DiagnosticsModel;

// The Diagnostics dock: a summary line ("12 inputs dropped, 2 reasons") over
// a table of DiagnosticsModel. It pulls snapshots from a provider a few times
// a second, so whoever owns model::Diagnostics only has to publish().
class DiagnosticsView : public QWidget
{
    Q_OBJECT

public:
    using Provider = std::function<std::shared_ptr<const model::Diagnostics::Snapshot>()>;

    explicit DiagnosticsView(Provider provider, QWidget *parent = nullptr);

    DiagnosticsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString summary() const;

    // Pulls the provider's snapshot now (the timer does this every 250 ms).
    void refresh();

private:
    Provider m_provider;
    DiagnosticsModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
    QTimer *m_timer;
};

} // namespace opsdeck::widgets
