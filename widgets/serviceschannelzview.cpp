#include "widgets/serviceschannelzview.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace opsdeck::widgets {

namespace {
constexpr int KeyRole = Qt::UserRole + 1;

QString when(std::int64_t unixNs)
{
    if (unixNs <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(unixNs / 1'000'000, Qt::UTC)
        .toString(QStringLiteral("HH:mm:ss.zzz"));
}
} // namespace

ServicesChannelzView::ServicesChannelzView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("servicesChannelzView"));
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels(
        { tr("Entity"), tr("State"), tr("Started"), tr("Succeeded"), tr("Failed"), tr("Last call (UTC)") });
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("channelzTree"));
    m_tree->setAccessibleName(tr("channelz servers, channels and sockets"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_empty = new QLabel(
        tr("<b>No channelz data.</b><br>Point the console at a gRPC server with channelz enabled."), this);
    m_empty->setObjectName(QStringLiteral("channelzEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("channelzStatus"));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tree);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);
}

bool ServicesChannelzView::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString ServicesChannelzView::emptyText() const
{
    return m_empty->text();
}

QList<QStandardItem *> ServicesChannelzView::row(
    const QString &key, const QString &name, const QString &state, const model::ChannelzCalls &calls)
{
    QList<QStandardItem *> items;
    auto *first = new QStandardItem(name);
    first->setData(key, KeyRole);
    items << first << new QStandardItem(state) << new QStandardItem(QString::number(calls.started))
          << new QStandardItem(QString::number(calls.succeeded))
          << new QStandardItem(QString::number(calls.failed))
          << new QStandardItem(when(calls.lastCallUnixNs));
    for (QStandardItem *i : items)
        i->setEditable(false);
    if (calls.failed > 0)
        items[Failed]->setData(QColor(220, 50, 47, 110), Qt::BackgroundRole);
    if (state == QLatin1String("TRANSIENT_FAILURE") || state == QLatin1String("SHUTDOWN"))
        items[State]->setData(QColor(220, 50, 47, 110), Qt::BackgroundRole);
    return items;
}

void ServicesChannelzView::addSockets(
    QStandardItem *parent, const QString &keyPrefix, const std::vector<model::ChannelzSocket> &sockets)
{
    for (const auto &s : sockets) {
        const QString name = tr("socket %1  %2 → %3").arg(s.id).arg(s.local, s.remote);
        auto items
            = row(keyPrefix + QStringLiteral("/socket/") + QString::number(s.id), name, QString(), s.streams);
        items[Name]->setToolTip(
            tr("%1 messages sent, %2 received").arg(s.messagesSent).arg(s.messagesReceived));
        parent->appendRow(items);
    }
}

void ServicesChannelzView::addChannel(QStandardItem *parent, const model::ChannelzChannel &c)
{
    const QString key
        = (c.subchannel ? QStringLiteral("subchannel/") : QStringLiteral("channel/")) + QString::number(c.id);
    const QString name
        = (c.subchannel ? tr("subchannel %1  %2") : tr("channel %1  %2")).arg(c.id).arg(c.target);
    auto items = row(key, name, c.state, c.calls);
    parent->appendRow(items);
    for (const auto &child : c.children)
        addChannel(items[0], child);
    addSockets(items[0], key, c.sockets);
}

void ServicesChannelzView::setSnapshot(std::shared_ptr<const model::ChannelzSnapshot> snapshot)
{
    // Remember what was expanded, by entity key.
    QSet<QString> expanded;
    std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            if (m_tree->isExpanded(i))
                expanded.insert(i.data(KeyRole).toString());
            collect(i);
        }
    };
    collect({});
    m_model->removeRows(0, m_model->rowCount());
    if (!snapshot) {
        m_status->clear();
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_status->setText(snapshot->error.isEmpty() ? tr("%1 — %2 server(s), %3 channel(s)")
                                                      .arg(snapshot->target)
                                                      .arg(snapshot->servers.size())
                                                      .arg(snapshot->channels.size())
                                                : tr("%1 — %2").arg(snapshot->target, snapshot->error));
    auto *servers = new QStandardItem(tr("Servers"));
    servers->setData(QStringLiteral("servers"), KeyRole);
    servers->setEditable(false);
    for (const auto &s : snapshot->servers) {
        const QString key = QStringLiteral("server/") + QString::number(s.id);
        auto items = row(key, tr("server %1  %2").arg(s.id).arg(s.listenAddresses.join(QStringLiteral(", "))),
            QString(), s.calls);
        servers->appendRow(items);
        addSockets(items[0], key, s.sockets);
    }
    auto *channels = new QStandardItem(tr("Channels"));
    channels->setData(QStringLiteral("channels"), KeyRole);
    channels->setEditable(false);
    for (const auto &c : snapshot->channels)
        addChannel(channels, c);
    m_model->appendRow(servers);
    m_model->appendRow(channels);
    const bool empty = snapshot->servers.empty() && snapshot->channels.empty();
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_tree);
    std::function<void(const QModelIndex &)> restore = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            const QString key = i.data(KeyRole).toString();
            if (expanded.contains(key) || key == QLatin1String("servers") || key == QLatin1String("channels"))
                m_tree->setExpanded(i, true);
            restore(i);
        }
    };
    restore({});
}

} // namespace opsdeck::widgets
