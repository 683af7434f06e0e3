#pragma once

#include "widgets/timelinebar.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace opsdeck::widgets {

// The Timeline dock: transport controls over a recording (play / pause with
// Space, step with ← / →, speed 0.1×–32×, jump to the previous / next mark) and
// the seek bar. It only asks (signals); the composition root connects it to the
// model thread's Player and feeds position, range, marks and state back.
// Without a recording it says how to open one.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(QWidget *parent = nullptr);

    // Shows the controls for an open recording (true) or the empty state (false).
    void setRecordingOpen(bool open, const QString &title = {});
    bool isRecordingOpen() const;

    void setRange(qint64 startNs, qint64 endNs);
    void setMarks(QVector<TimelineMark> marks);
    TimelineBar *bar() const { return m_bar; }

    static const QList<double> &speeds();
    // "12:03:04.250 UTC  (+00:01:02.250)" for a position in a range.
    static QString formatPosition(qint64 ns, qint64 startNs);

public Q_SLOTS:
    void setPosition(qint64 ns);
    void setPlaying(bool playing);
    void setSpeed(double speed);

Q_SIGNALS:
    void playToggled();
    void stepRequested(qint64 deltaNs);
    void speedRequested(double speed);
    void seekRequested(qint64 ns);
    void previousMarkRequested();
    void nextMarkRequested();
    void openRequested();

private:
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_time = nullptr;
    QToolButton *m_play = nullptr;
    QComboBox *m_speed = nullptr;
    TimelineBar *m_bar = nullptr;
    qint64 m_start = 0;
    bool m_playing = false;
};

} // namespace opsdeck::widgets
