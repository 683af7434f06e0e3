#pragma once

#include <QPointer>
#include <QWidget>

class QStackedLayout;

namespace opsdeck::widgets {

class EmptyState;

// The body of one dock (or of the central area): its empty state until a real
// view is plugged in with setContent(). The main window owns these; the lead
// plugs views into them.
class PanelHost : public QWidget
{
    Q_OBJECT

public:
    PanelHost(const QString &emptyTitle, const QString &emptyMessage, QWidget *parent = nullptr);

    // Shows `content` instead of the empty state and takes ownership of it. A
    // previous content widget is deleted. nullptr brings the empty state back.
    void setContent(QWidget *content);
    QWidget *content() const { return m_content; }

    EmptyState *emptyState() const { return m_empty; }
    bool showsEmptyState() const;

private:
    QStackedLayout *m_stack;
    EmptyState *m_empty;
    QPointer<QWidget> m_content;
};

} // namespace opsdeck::widgets
