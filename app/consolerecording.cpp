// The record and replay half of the composition root: File ▸ Record / Open
// Recording / Export Range / Copy State as CSV, drag and drop, the Timeline
// dock and the window-wide replay keys.
#include "app/console.h"
#include "app/liveclients.h"
#include "app/logging.h"
#include "app/mainwindow.h"
#include "app/modelhost.h"
#include "app/recordcontroller.h"
#include "app/replaycontroller.h"
#include "model/eventstream.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QStandardPaths>

namespace opsdeck::app {

namespace {
constexpr qint64 kStepNs = 1'000'000'000; // ← / → move the cursor by one second
}

void Console::wireRecording()
{
    m_record = new RecordController(m_models, this);
    m_replay = new ReplayController(m_models, m_timeline, this);

    connect(m_window->recordAction(), &QAction::triggered, this, &Console::chooseRecordingFile);
    connect(m_record, &RecordController::started, this, [this](const QString &path) {
        m_window->recordAction()->setChecked(true);
        m_window->setRecordingStatus(tr("● REC %1").arg(QFileInfo(path).fileName()));
    });
    connect(m_record, &RecordController::progress, this, [this](const model::Recorder::Stats &stats) {
        m_window->setRecordingStatus(RecordController::describe(stats));
    });
    connect(m_record, &RecordController::failed, this, [this](const QString &error) {
        m_window->recordAction()->setChecked(false);
        m_window->setRecordingStatus({});
        QMessageBox::warning(m_window, tr("Cannot record"), error);
    });
    connect(m_record, &RecordController::stopped, this, [this](const model::Recorder::Stats &stats) {
        m_window->recordAction()->setChecked(false);
        m_window->setRecordingStatus({});
        m_window->setNotice(tr(
            "Recorded %1 (%n envelopes).", nullptr, int(std::min<std::uint64_t>(stats.envelopes, 1u << 30)))
                                .arg(stats.currentFile));
    });

    connect(m_window->openRecordingAction(), &QAction::triggered, this, &Console::chooseRecordingToOpen);
    connect(m_timeline, &widgets::TimelineView::openRequested, this, &Console::chooseRecordingToOpen);
    connect(m_window, &MainWindow::recordingDropped, this, &Console::openRecording);
    connect(m_window->closeRecordingAction(), &QAction::triggered, this, &Console::closeRecording);
    connect(m_window->exportRangeAction(), &QAction::triggered, this, &Console::chooseExportRange);
    connect(m_window->copyStateAction(), &QAction::triggered, this, &Console::copyStateAsCsv);
    connect(m_window->playAction(), &QAction::triggered, m_replay, &ReplayController::togglePlay);
    connect(m_window->stepBackAction(), &QAction::triggered, m_replay, [this] { m_replay->step(-kStepNs); });
    connect(
        m_window->stepForwardAction(), &QAction::triggered, m_replay, [this] { m_replay->step(kStepNs); });

    auto setReplaying = [this](bool on) {
        for (QAction *action : { m_window->closeRecordingAction(), m_window->exportRangeAction(),
                 m_window->playAction(), m_window->stepBackAction(), m_window->stepForwardAction() })
            action->setEnabled(on);
        m_window->recordAction()->setEnabled(!on);
        m_window->reconnectAction()->setEnabled(!on);
    };
    connect(
        m_replay, &ReplayController::opened, this, [this, setReplaying](const ReplayController::Info &info) {
            setReplaying(true);
            m_window->setNotice(
                tr("Replaying %1 — live connections are paused (File ▸ Close Recording and Go Live).")
                    .arg(QFileInfo(info.path).fileName()));
            if (!info.problems.empty()) {
                QStringList lines;
                for (const auto &problem : info.problems)
                    lines << tr("%1: %2").arg(problem.where, problem.what);
                showRecordingProblems(info.path,
                    tr("%1 is damaged. Everything that could be read is on the timeline%2.\n\n%3")
                        .arg(QFileInfo(info.path).fileName(),
                            info.salvaged ? tr(" (recovered page by page)") : QString(),
                            lines.mid(0, 20).join(QLatin1Char('\n'))));
            }
        });
    connect(m_replay, &ReplayController::openFailed, this, [this](const QString &path, const QString &error) {
        showRecordingProblems(path, tr("%1 cannot be opened: %2").arg(QFileInfo(path).fileName(), error));
        connectTo(m_effective);
    });
    connect(m_replay, &ReplayController::closed, this, [setReplaying] { setReplaying(false); });
    connect(
        m_replay, &ReplayController::problemFound, this, [this](const QString &where, const QString &what) {
            m_window->setNotice(tr("Damaged recording at %1: %2").arg(where, what));
        });
    connect(m_replay, &ReplayController::exportFinished, this, [this](bool ok, const QString &message) {
        if (ok)
            m_window->setNotice(tr("Exported the range to %1").arg(message));
        else
            QMessageBox::warning(m_window, tr("Export failed"), message);
    });
}

void Console::openRecording(const QString &path)
{
    if (m_record->isRecording())
        m_record->stop(); // never record a replay
    m_live->disconnectAll(tr("Paused while replaying a recording"));
    m_replay->open(path);
}

void Console::closeRecording()
{
    m_replay->close();
    m_window->setNotice({});
    m_live->connectTo(m_effective);
}

void Console::startRecording(const QString &path)
{
    model::RecorderOptions options;
    options.path = path;
    for (model::Backend backend : model::kAllBackends) {
        const QString url = m_live->settings().of(backend).url;
        if (!url.isEmpty())
            options.metadata.add_backends(
                QStringLiteral("%1=%2").arg(model::backendKey(backend), url).toStdString());
    }
    options.metadata.set_opsdeck_version(OPSDECK_VERSION);
    m_record->start(std::move(options));
}

void Console::stopRecording()
{
    m_record->stop();
}

void Console::chooseRecordingFile(bool checked)
{
    if (!checked) {
        stopRecording();
        return;
    }
    m_window->recordAction()->setChecked(false); // checked again once the file is open
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QStringLiteral("/opsdeck-%1.opsrec")
              .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Record to"), suggested, tr("OpsDeck recordings (*.opsrec)"));
    if (!path.isEmpty())
        startRecording(path);
}

void Console::chooseRecordingToOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open Recording"), QString(), tr("OpsDeck recordings (*.opsrec);;All files (*)"));
    if (!path.isEmpty())
        openRecording(path);
}

void Console::showRecordingProblems(const QString &path, const QString &summary)
{
    qCWarning(lcApp).noquote() << path << summary;
    auto *box
        = new QMessageBox(QMessageBox::Warning, tr("Damaged recording"), summary, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("recordingProblemsDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not modal to the event loop: replay goes on behind it
}

void Console::chooseExportRange()
{
    if (!m_replay->isOpen())
        return;
    const ReplayController::Info &info = m_replay->info();
    const double length = double(info.endNs - info.startNs) / 1e9;
    const double cursor = double(m_replay->position() - info.startNs) / 1e9;
    bool ok = false;
    const double from = QInputDialog::getDouble(m_window, tr("Export Range"),
        tr("From (seconds after the start, 0 – %1):").arg(length, 0, 'f', 1), cursor, 0, length, 1, &ok);
    if (!ok)
        return;
    const double to = QInputDialog::getDouble(m_window, tr("Export Range"),
        tr("To (seconds after the start, %1 – %2):").arg(from, 0, 'f', 1).arg(length, 0, 'f', 1), length,
        from, length, 1, &ok);
    if (!ok)
        return;
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Range to"), QString(), tr("OpsDeck recordings (*.opsrec)"));
    if (path.isEmpty())
        return;
    m_replay->exportRange(info.startNs + qint64(from * 1e9), info.startNs + qint64(to * 1e9), path);
}

void Console::copyStateAsCsv()
{
    const qint64 at = m_replay->isOpen() ? m_replay->position() : model::unixNowNs();
    QApplication::clipboard()->setText(stateAsCsv(state(), at));
    m_window->setNotice(
        tr("Copied the state at %1 as CSV.")
            .arg(QDateTime::fromMSecsSinceEpoch(at / 1'000'000, Qt::UTC).toString(Qt::ISODate)));
}

} // namespace opsdeck::app
