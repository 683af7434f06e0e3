#pragma once

#include "app/commandline.h"

#include <QObject>

class QSocketNotifier;

namespace opsdeck::app {

class LiveClients;
class ModelHost;
class RecordController;

// `opsdeck --record FILE --bridge … --telemetry … --billing …`: records a long
// unattended run without a window. SIGINT and SIGTERM stop it cleanly (the
// handler only writes a byte to a socketpair; a QSocketNotifier turns it into
// an event), the file is committed and closed, and finished(0) follows.
class HeadlessRecorder : public QObject
{
    Q_OBJECT

public:
    explicit HeadlessRecorder(const CommandLineOptions &options, QObject *parent = nullptr);
    ~HeadlessRecorder() override;

    // Connects and starts recording; false and a reason when it cannot.
    bool start(QString *error);
    void stop();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void installSignalHandlers();
    void onSignal();

    CommandLineOptions m_options;
    ModelHost *m_models;
    LiveClients *m_live;
    RecordController *m_record;
    QSocketNotifier *m_notifier = nullptr;
    bool m_stopping = false;
};

} // namespace opsdeck::app
