#pragma once

#include "model/latencychannelz.h"

#include <QWidget>

#include <memory>

class QLabel;
class QStandardItem;
class QStandardItemModel;
class QStackedWidget;
class QTreeView;

namespace opsdeck::widgets {

// channelz of any gRPC server: a tree of servers (listen addresses, client
// sockets) and channels (subchannels, sockets) with calls started / succeeded /
// failed, the connectivity state and the last call. Rebuilt from each
// ChannelzSnapshot (about once a second) keeping what was expanded. Shows the
// poll error or an empty state when there is nothing to show. GUI thread only.
class ServicesChannelzView : public QWidget
{
    Q_OBJECT

public:
    enum Column { Name, State, Started, Succeeded, Failed, LastCall, ColumnCount };

    explicit ServicesChannelzView(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const model::ChannelzSnapshot> snapshot);
    QStandardItemModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    bool showsEmptyState() const;
    QString emptyText() const;

private:
    QList<QStandardItem *> row(
        const QString &key, const QString &name, const QString &state, const model::ChannelzCalls &calls);
    void addSockets(
        QStandardItem *parent, const QString &keyPrefix, const std::vector<model::ChannelzSocket> &sockets);
    void addChannel(QStandardItem *parent, const model::ChannelzChannel &channel);

    QStandardItemModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace opsdeck::widgets
