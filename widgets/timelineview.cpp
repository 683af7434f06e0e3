#include "widgets/timelineview.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace opsdeck::widgets {

namespace {
constexpr qint64 kStepNs = 1'000'000'000; // ← / → move one second of stream time

QToolButton *transportButton(
    QWidget *parent, QStyle::StandardPixmap icon, const QString &text, const QKeySequence &key = {})
{
    auto *button = new QToolButton(parent);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(
        key.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    return button;
}
} // namespace

const QList<double> &TimelineView::speeds()
{
    static const QList<double> kSpeeds { 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32 };
    return kSpeeds;
}

QString TimelineView::formatPosition(qint64 ns, qint64 startNs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC);
    const qint64 offsetMs = std::max<qint64>(0, (ns - startNs) / 1'000'000);
    const QTime offset = QTime(0, 0).addMSecs(int(offsetMs % (24 * 3600 * 1000)));
    const qint64 days = offsetMs / (24 * 3600 * 1000);
    return tr("%1 UTC  (+%2%3)")
        .arg(at.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz")),
            days ? QStringLiteral("%1d ").arg(days) : QString(),
            offset.toString(QStringLiteral("hh:mm:ss.zzz")));
}

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineView"));
    m_stack = new QStackedWidget(this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    // Empty state.
    auto *emptyPage = new QWidget(m_stack);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    m_empty = new QLabel(tr("No recording open — File ▸ Open Recording…, drop a .opsrec file here, "
                            "or run with --replay FILE."),
        emptyPage);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("timelineEmptyState"));
    auto *open = new QPushButton(
        QIcon(QStringLiteral(":/opsdeck/icons/open-recording.svg")), tr("Open Recording…"), emptyPage);
    open->setAccessibleName(tr("Open recording"));
    connect(open, &QPushButton::clicked, this, &TimelineView::openRequested);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_empty);
    emptyLayout->addWidget(open, 0, Qt::AlignCenter);
    emptyLayout->addStretch();
    m_stack->addWidget(emptyPage);

    // Transport.
    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    auto *controls = new QHBoxLayout;
    auto *previous = transportButton(
        page, QStyle::SP_MediaSkipBackward, tr("Previous mark"), QKeySequence(Qt::SHIFT | Qt::Key_Left));
    auto *back
        = transportButton(page, QStyle::SP_MediaSeekBackward, tr("Step back"), QKeySequence(Qt::Key_Left));
    m_play = transportButton(page, QStyle::SP_MediaPlay, tr("Play"), QKeySequence(Qt::Key_Space));
    auto *forward
        = transportButton(page, QStyle::SP_MediaSeekForward, tr("Step forward"), QKeySequence(Qt::Key_Right));
    auto *next = transportButton(
        page, QStyle::SP_MediaSkipForward, tr("Next mark"), QKeySequence(Qt::SHIFT | Qt::Key_Right));
    m_speed = new QComboBox(page);
    m_speed->setAccessibleName(tr("Playback speed"));
    for (const double s : speeds())
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setCurrentIndex(int(speeds().indexOf(1.0)));
    m_title = new QLabel(page);
    m_time = new QLabel(page);
    m_time->setObjectName(QStringLiteral("timelinePosition"));
    m_time->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_time->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    for (QWidget *w :
        { static_cast<QWidget *>(previous), static_cast<QWidget *>(back), static_cast<QWidget *>(m_play),
            static_cast<QWidget *>(forward), static_cast<QWidget *>(next), static_cast<QWidget *>(m_speed) })
        controls->addWidget(w);
    controls->addSpacing(12);
    controls->addWidget(m_time);
    controls->addStretch();
    controls->addWidget(m_title);
    m_bar = new TimelineBar(page);
    layout->addLayout(controls);
    layout->addWidget(m_bar);
    m_stack->addWidget(page);

    connect(m_play, &QToolButton::clicked, this, &TimelineView::playToggled);
    connect(back, &QToolButton::clicked, this, [this] { Q_EMIT stepRequested(-kStepNs); });
    connect(forward, &QToolButton::clicked, this, [this] { Q_EMIT stepRequested(kStepNs); });
    connect(previous, &QToolButton::clicked, this, &TimelineView::previousMarkRequested);
    connect(next, &QToolButton::clicked, this, &TimelineView::nextMarkRequested);
    connect(m_speed, &QComboBox::activated, this,
        [this](int i) { Q_EMIT speedRequested(m_speed->itemData(i).toDouble()); });
    connect(m_bar, &TimelineBar::seekRequested, this, &TimelineView::seekRequested);

    // Keyboard: active while focus is anywhere in this view (the main window may
    // add window-wide shortcuts for the same signals).
    auto addKey = [this](const QKeySequence &key, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addKey(QKeySequence(Qt::Key_Space), [this] {
        if (isRecordingOpen())
            Q_EMIT playToggled();
    });
    addKey(QKeySequence(Qt::Key_Left), [this] {
        if (isRecordingOpen())
            Q_EMIT stepRequested(-kStepNs);
    });
    addKey(QKeySequence(Qt::Key_Right), [this] {
        if (isRecordingOpen())
            Q_EMIT stepRequested(kStepNs);
    });
    addKey(QKeySequence(Qt::SHIFT | Qt::Key_Left), [this] {
        if (isRecordingOpen())
            Q_EMIT previousMarkRequested();
    });
    addKey(QKeySequence(Qt::SHIFT | Qt::Key_Right), [this] {
        if (isRecordingOpen())
            Q_EMIT nextMarkRequested();
    });

    setRecordingOpen(false);
}

void TimelineView::setRecordingOpen(bool open, const QString &title)
{
    m_stack->setCurrentIndex(open ? 1 : 0);
    m_title->setText(title);
    if (!open)
        setPlaying(false);
}

bool TimelineView::isRecordingOpen() const
{
    return m_stack->currentIndex() == 1;
}

void TimelineView::setRange(qint64 startNs, qint64 endNs)
{
    m_start = startNs;
    m_bar->setRange(startNs, endNs);
    setPosition(m_bar->cursor());
}

void TimelineView::setMarks(QVector<TimelineMark> marks)
{
    m_bar->setMarks(std::move(marks));
}

void TimelineView::setPosition(qint64 ns)
{
    m_bar->setCursor(ns);
    m_time->setText(formatPosition(m_bar->cursor(), m_start));
}

void TimelineView::setPlaying(bool playing)
{
    m_playing = playing;
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    const QString text = playing ? tr("Pause") : tr("Play");
    m_play->setAccessibleName(text);
    m_play->setToolTip(
        QStringLiteral("%1 (%2)").arg(text, QKeySequence(Qt::Key_Space).toString(QKeySequence::NativeText)));
}

void TimelineView::setSpeed(double speed)
{
    int best = 0;
    for (int i = 0; i < m_speed->count(); ++i)
        if (std::abs(m_speed->itemData(i).toDouble() - speed)
            < std::abs(m_speed->itemData(best).toDouble() - speed))
            best = i;
    m_speed->setCurrentIndex(best);
}

} // namespace opsdeck::widgets
