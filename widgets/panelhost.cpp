#include "widgets/panelhost.h"

#include "widgets/emptystate.h"

#include <QStackedLayout>

namespace opsdeck::widgets {

PanelHost::PanelHost(const QString &emptyTitle, const QString &emptyMessage, QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_empty(new EmptyState(emptyTitle, emptyMessage))
{
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_empty);
}

void PanelHost::setContent(QWidget *content)
{
    if (content == m_content)
        return;
    if (m_content) {
        m_stack->removeWidget(m_content);
        m_content->deleteLater();
    }
    m_content = content;
    if (content) {
        m_stack->addWidget(content);
        m_stack->setCurrentWidget(content);
    } else {
        m_stack->setCurrentWidget(m_empty);
    }
}

bool PanelHost::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

} // namespace opsdeck::widgets
