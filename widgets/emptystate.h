#pragma once

#include <QWidget>

class QLabel;

namespace opsdeck::widgets {

// What a view shows while it has nothing to show: a title and one sentence
// that says what it needs ("Not connected to a DDS-bridge — File ▸ Connect…").
class EmptyState : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyState(const QString &title, const QString &message, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setMessage(const QString &message);
    QString title() const;
    QString message() const;

private:
    QLabel *m_title;
    QLabel *m_message;
};

} // namespace opsdeck::widgets
