#pragma once

#include "model/recordingformat.h"

#include <QString>
#include <QVector>
#include <QWidget>

namespace opsdeck::widgets {

struct TimelineMark
{
    qint64 t = 0;
    model::recording::MarkKind kind = model::recording::MarkKind::Bookmark;
    QString label;
};

// The seek bar of the Timeline dock: the recording's range, a tick per timeline
// mark (control commands, bookmarks, notes, alerts, connection changes) in a
// colour-blind-safe colour per kind, and the cursor. Click or drag to seek.
class TimelineBar : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineBar(QWidget *parent = nullptr);

    void setRange(qint64 startNs, qint64 endNs);
    void setCursor(qint64 ns);
    void setMarks(QVector<TimelineMark> marks);
    qint64 cursor() const { return m_cursor; }
    const QVector<TimelineMark> &marks() const { return m_marks; }

    static QColor colorFor(model::recording::MarkKind kind);
    // Pixel x of a time and back, inside the bar's track.
    int xFor(qint64 ns) const;
    qint64 timeAt(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void seekRequested(qint64 ns);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect track() const;

    qint64 m_start = 0;
    qint64 m_end = 0;
    qint64 m_cursor = 0;
    QVector<TimelineMark> m_marks;
};

} // namespace opsdeck::widgets
