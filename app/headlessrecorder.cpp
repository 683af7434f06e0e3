#include "app/headlessrecorder.h"

#include "app/liveclients.h"
#include "app/logging.h"
#include "app/modelhost.h"
#include "app/recordcontroller.h"
#include "widgets/connectionsmodel.h"

#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace opsdeck::app {

namespace {

int g_signalFd[2] = { -1, -1 };

void onPosixSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFd[0], &byte, 1); // async-signal-safe
}

} // namespace

HeadlessRecorder::HeadlessRecorder(const CommandLineOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_models(new ModelHost(100, this))
    , m_live(new LiveClients(
          m_models->stream(),
          [](model::Backend backend, const model::BackendStatus &status) {
              QTextStream(stderr) << "opsdeck: " << model::backendKey(backend) << " "
                                  << widgets::ConnectionsModel::stateText(status.state)
                                  << (status.detail.isEmpty() ? QString()
                                                              : QStringLiteral(" — ") + status.detail)
                                  << Qt::endl;
          },
          [models = m_models] { return models->connectionEvents(); }, this))
    , m_record(new RecordController(m_models, this))
{
    connect(m_record, &RecordController::started, this, [](const QString &path) {
        QTextStream(stderr) << "opsdeck: recording to " << path << " (Ctrl+C or SIGTERM stops)" << Qt::endl;
    });
    connect(m_record, &RecordController::progress, this, [](const model::Recorder::Stats &stats) {
        qCDebug(lcApp).noquote() << RecordController::describe(stats);
    });
    connect(m_record, &RecordController::failed, this, [this](const QString &error) {
        QTextStream(stderr) << "opsdeck: cannot record: " << error << Qt::endl;
        m_live->disconnectAll(QString());
        Q_EMIT finished(2);
    });
    connect(m_record, &RecordController::stopped, this, [this](const model::Recorder::Stats &stats) {
        QTextStream(stderr) << "opsdeck: recorded " << stats.envelopes << " envelopes in " << stats.files
                            << " file(s), " << stats.dropped << " dropped; last file " << stats.currentFile
                            << Qt::endl;
        Q_EMIT finished(stats.lastError.isEmpty() ? 0 : 2);
    });
}

HeadlessRecorder::~HeadlessRecorder()
{
    delete m_live; // clients stop posting first
    m_live = nullptr;
    delete m_record;
    m_record = nullptr;
    for (int &fd : g_signalFd)
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
}

bool HeadlessRecorder::start(QString *error)
{
    model::ConnectionSettings settings;
    settings.bridge.url = m_options.bridgeUrl;
    settings.telemetry.url = m_options.telemetryUrl;
    settings.billing.url = m_options.billingUrl;
    for (model::Backend backend : model::kAllBackends)
        settings.of(backend).token = m_options.token;
    if (settings.bridge.url.isEmpty() && settings.telemetry.url.isEmpty() && settings.billing.url.isEmpty()) {
        *error = tr("--record needs at least one of --bridge, --telemetry, --billing");
        return false;
    }
    installSignalHandlers();

    model::RecorderOptions options;
    options.path = m_options.recordFile;
    options.splitBytes = std::uint64_t(m_options.splitMegabytes) * 1024u * 1024u;
    options.splitDurationNs = std::int64_t(m_options.splitMinutes) * 60'000'000'000;
    for (model::Backend backend : model::kAllBackends)
        if (!settings.of(backend).url.isEmpty())
            options.metadata.add_backends(QStringLiteral("%1=%2")
                                              .arg(model::backendKey(backend), settings.of(backend).url)
                                              .toStdString());
    options.metadata.set_opsdeck_version(OPSDECK_VERSION);
    // The recorder first, so the first envelopes of every stream are in the file.
    m_record->start(std::move(options));
    m_live->connectTo(settings);
    return true;
}

void HeadlessRecorder::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    QTextStream(stderr) << "opsdeck: stopping the recording" << Qt::endl;
    m_live->disconnectAll(tr("Stopped"));
    m_record->stop(); // stopped() → finished()
}

void HeadlessRecorder::installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0) {
        qCWarning(lcApp) << "socketpair failed; SIGINT/SIGTERM will end the recorder without a clean stop";
        return;
    }
    m_notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &HeadlessRecorder::onSignal);
    struct sigaction action
    {
    };
    action.sa_handler = onPosixSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

void HeadlessRecorder::onSignal()
{
    char byte = 0;
    [[maybe_unused]] const auto got = ::read(g_signalFd[1], &byte, 1);
    stop();
}

} // namespace opsdeck::app
