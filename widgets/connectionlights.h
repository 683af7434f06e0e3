#pragma once

#include <QWidget>

#include <vector>

class QLabel;

namespace opsdeck::widgets {

class ConnectionsModel;

// Status-bar strip: one light and one word per backend, driven by a
// ConnectionsModel so clients can update it later without touching the bar.
class ConnectionLights : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionLights(ConnectionsModel *model, QWidget *parent = nullptr);

    // Text of the light for a row, e.g. "DDS-bridge: Not configured" (tests, a11y).
    QString lightText(int row) const;

private:
    void refresh();

    ConnectionsModel *m_model;
    std::vector<QLabel *> m_dots;
    std::vector<QLabel *> m_labels;
};

} // namespace opsdeck::widgets
