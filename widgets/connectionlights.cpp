#include "widgets/connectionlights.h"

#include "widgets/connectionsmodel.h"

#include <QHBoxLayout>
#include <QLabel>

namespace opsdeck::widgets {

ConnectionLights::ConnectionLights(ConnectionsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("connectionLights"));
    setAccessibleName(tr("Backend connections"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(4);
    for (int row = 0; row < model->rowCount(); ++row) {
        auto *dot = new QLabel(this);
        dot->setFixedSize(10, 10);
        auto *label = new QLabel(this);
        const QString key = model::backendKey(model::Backend(row));
        dot->setObjectName(QStringLiteral("light_%1").arg(key));
        label->setObjectName(QStringLiteral("lightText_%1").arg(key));
        layout->addWidget(dot);
        layout->addWidget(label);
        layout->addSpacing(10);
        m_dots.push_back(dot);
        m_labels.push_back(label);
    }
    connect(model, &QAbstractItemModel::dataChanged, this, &ConnectionLights::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &ConnectionLights::refresh);
    refresh();
}

QString ConnectionLights::lightText(int row) const
{
    return row >= 0 && std::size_t(row) < m_labels.size() ? m_labels[std::size_t(row)]->text() : QString();
}

void ConnectionLights::refresh()
{
    for (std::size_t row = 0; row < m_dots.size(); ++row) {
        const auto backend = model::Backend(row);
        const model::BackendStatus &status = m_model->status(backend);
        const QColor color = ConnectionsModel::stateColor(status.state);
        m_dots[row]->setStyleSheet(QStringLiteral("background:%1;border-radius:5px;").arg(color.name()));
        const QString text = tr("%1: %2").arg(
            ConnectionsModel::backendTitle(backend), ConnectionsModel::stateText(status.state));
        m_labels[row]->setText(text);
        m_labels[row]->setToolTip(
            status.detail.isEmpty() ? status.address : status.address + QLatin1Char('\n') + status.detail);
        m_dots[row]->setAccessibleName(text);
    }
}

} // namespace opsdeck::widgets
