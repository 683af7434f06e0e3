#include "widgets/timelinebar.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace opsdeck::widgets {

using model::recording::MarkKind;

namespace {
constexpr int kMargin = 8;
}

TimelineBar::TimelineBar(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Timeline seek bar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TimelineBar::setRange(qint64 startNs, qint64 endNs)
{
    m_start = startNs;
    m_end = std::max(startNs, endNs);
    m_cursor = std::clamp(m_cursor, m_start, m_end);
    update();
}

void TimelineBar::setCursor(qint64 ns)
{
    ns = std::clamp(ns, m_start, m_end);
    if (ns == m_cursor)
        return;
    m_cursor = ns;
    update();
}

void TimelineBar::setMarks(QVector<TimelineMark> marks)
{
    m_marks = std::move(marks);
    update();
}

QColor TimelineBar::colorFor(MarkKind kind)
{
    // Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
    switch (kind) {
    case MarkKind::Control:
        return QColor(0x00, 0x72, 0xB2);
    case MarkKind::Bookmark:
        return QColor(0xE6, 0x9F, 0x00);
    case MarkKind::Note:
        return QColor(0x00, 0x9E, 0x73);
    case MarkKind::Alert:
        return QColor(0xD5, 0x5E, 0x00);
    case MarkKind::Connection:
        return QColor(0x99, 0x99, 0x99);
    }
    return Qt::gray;
}

QRect TimelineBar::track() const
{
    return rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
}

int TimelineBar::xFor(qint64 ns) const
{
    const QRect t = track();
    if (m_end <= m_start)
        return t.left();
    const double f = double(std::clamp(ns, m_start, m_end) - m_start) / double(m_end - m_start);
    return t.left() + int(f * double(t.width()) + 0.5);
}

qint64 TimelineBar::timeAt(int x) const
{
    const QRect t = track();
    if (t.width() <= 0)
        return m_start;
    const double f = std::clamp(double(x - t.left()) / double(t.width()), 0.0, 1.0);
    return m_start + qint64(f * double(m_end - m_start));
}

QSize TimelineBar::sizeHint() const
{
    return { 600, 40 };
}

QSize TimelineBar::minimumSizeHint() const
{
    return { 120, 32 };
}

void TimelineBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect t = track();
    const QPalette &pal = palette();
    const int mid = t.center().y();

    // The range, with the played part highlighted.
    p.setPen(Qt::NoPen);
    p.setBrush(pal.color(QPalette::Mid));
    p.drawRoundedRect(QRect(t.left(), mid - 3, t.width(), 6), 3, 3);
    if (m_end > m_start) {
        p.setBrush(pal.color(QPalette::Highlight));
        p.drawRoundedRect(QRect(t.left(), mid - 3, xFor(m_cursor) - t.left(), 6), 3, 3);
    }
    // Marks above and below the track.
    for (const TimelineMark &mark : m_marks) {
        const int x = xFor(mark.t);
        p.setPen(QPen(colorFor(mark.kind), 2));
        p.drawLine(x, t.top(), x, mid - 5);
        p.drawLine(x, mid + 5, x, t.bottom());
    }
    // The cursor.
    if (m_end > m_start) {
        const int x = xFor(m_cursor);
        p.setPen(QPen(pal.color(QPalette::Text), 1));
        p.setBrush(pal.color(QPalette::Base));
        p.drawEllipse(QPoint(x, mid), 7, 7);
    }
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineBar::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_end > m_start) {
        setCursor(timeAt(int(event->position().x())));
        Q_EMIT seekRequested(m_cursor);
    }
}

void TimelineBar::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_end > m_start) {
        const qint64 t = timeAt(int(event->position().x()));
        if (t != m_cursor) {
            setCursor(t);
            Q_EMIT seekRequested(m_cursor);
        }
    }
}

bool TimelineBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        // The marks within 4 px of the pointer.
        QStringList labels;
        for (const TimelineMark &mark : m_marks)
            if (std::abs(xFor(mark.t) - help->pos().x()) <= 4)
                labels << mark.label;
        if (!labels.isEmpty())
            QToolTip::showText(help->globalPos(), labels.join(QLatin1Char('\n')), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace opsdeck::widgets
