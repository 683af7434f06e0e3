#include "widgets/connectionsview.h"

#include "widgets/connectionsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace opsdeck::widgets {

ConnectionsView::ConnectionsView(ConnectionsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableView(this))
    , m_connect(new QPushButton(QIcon(QStringLiteral(":/opsdeck/icons/connect.svg")), tr("Connect…"), this))
{
    setObjectName(QStringLiteral("connectionsView"));
    m_table->setObjectName(QStringLiteral("connectionsTable"));
    m_table->setAccessibleName(tr("Backend connections"));
    m_table->setModel(model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setAccessibleName(tr("Edit backend addresses"));
    connect(m_connect, &QPushButton::clicked, this, &ConnectionsView::connectRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_connect);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

} // namespace opsdeck::widgets
