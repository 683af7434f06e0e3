#include "widgets/diagnosticsview.h"

#include "widgets/diagnosticsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <climits>

namespace opsdeck::widgets {

DiagnosticsView::DiagnosticsView(Provider provider, QWidget *parent)
    : QWidget(parent)
    , m_provider(std::move(provider))
    , m_model(new DiagnosticsModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("diagnosticsView"));
    m_summary->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("diagnosticsTable"));
    m_table->setAccessibleName(tr("Dropped input by source and reason"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(
        DiagnosticsModel::Reason, QHeaderView::ResizeToContents);
    m_table->setSortingEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &DiagnosticsView::refresh);
    m_timer->start();
    refresh();
}

QString DiagnosticsView::summary() const
{
    return m_summary->text();
}

void DiagnosticsView::refresh()
{
    if (m_provider)
        m_model->setSnapshot(m_provider());
    const std::uint64_t total = m_model->totalCount();
    if (total == 0) {
        m_summary->setText(tr("No bad input seen. Malformed or out-of-range data from any backend is "
                              "dropped, counted and listed here."));
    } else {
        m_summary->setText(tr("%n input(s) dropped", nullptr, int(std::min<std::uint64_t>(total, INT_MAX)))
            + tr(" for %n reason(s).", nullptr, m_model->rowCount()));
    }
}

} // namespace opsdeck::widgets
