#pragma once

#include <QWidget>

class QTableView;
class QPushButton;

namespace opsdeck::widgets {

class ConnectionsModel;

// The Connections dock: each backend's configured address, state and last
// error, and a button that asks for the Connections dialog.
class ConnectionsView : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionsView(ConnectionsModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void connectRequested();
    void reconnectRequested(); // "Reconnect now": skip the clients' backoff wait

private:
    QTableView *m_table;
    QPushButton *m_connect;
    QPushButton *m_reconnect;
};

} // namespace opsdeck::widgets
