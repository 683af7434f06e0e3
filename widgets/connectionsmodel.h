#pragma once

#include "model/backendstatus.h"

#include <QAbstractTableModel>
#include <QColor>

#include <array>

namespace opsdeck::widgets {

// One row per backend (bridge, telemetry, billing): address, state and the
// last error or note. The Connections dock and the status-bar lights read it;
// the composition root writes it from the clients' reports. GUI thread only.
class ConnectionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Backend, Address, State, Detail, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1 }; // model::LinkState as int

    explicit ConnectionsModel(QObject *parent = nullptr);

    void setStatus(model::Backend backend, const model::BackendStatus &status);
    const model::BackendStatus &status(model::Backend backend) const;

    static QString backendTitle(model::Backend backend);
    static QString stateText(model::LinkState state);
    // The light's colour; always shown with stateText() so colour is never the
    // only cue.
    static QColor stateColor(model::LinkState state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::array<model::BackendStatus, model::kAllBackends.size()> m_status;
};

} // namespace opsdeck::widgets
