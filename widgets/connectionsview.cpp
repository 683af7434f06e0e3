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
    , m_reconnect(
          new QPushButton(QIcon(QStringLiteral(":/opsdeck/icons/reconnect.svg")), tr("Reconnect Now"), this))
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
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_reconnect->setAccessibleName(tr("Reconnect every backend that is not connected now"));
    m_reconnect->setToolTip(tr("Skip the retry wait of every backend that is not connected"));
    connect(m_reconnect, &QPushButton::clicked, this, &ConnectionsView::reconnectRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reconnect);
    buttons->addWidget(m_connect);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

} // namespace opsdeck::widgets
