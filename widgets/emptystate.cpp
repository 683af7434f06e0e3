#include "widgets/emptystate.h"

#include <QLabel>
#include <QVBoxLayout>

namespace opsdeck::widgets {

EmptyState::EmptyState(const QString &title, const QString &message, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_message(new QLabel(message, this))
{
    setObjectName(QStringLiteral("emptyState"));
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_message->setObjectName(QStringLiteral("emptyStateMessage"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    for (QLabel *label : { m_title, m_message }) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    // Secondary text follows the theme (QPalette::PlaceholderText is the
    // palette's muted foreground in both themes).
    m_message->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addStretch(1);
    setAccessibleName(title);
    setAccessibleDescription(message);
}

void EmptyState::setTitle(const QString &title)
{
    m_title->setText(title);
    setAccessibleName(title);
}

void EmptyState::setMessage(const QString &message)
{
    m_message->setText(message);
    setAccessibleDescription(message);
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::message() const
{
    return m_message->text();
}

} // namespace opsdeck::widgets
