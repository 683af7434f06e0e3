#pragma once

#include <QStringList>

// The bridge benchmark runs the DDS writer and the gRPC subscribers in child
// processes (this same executable), so that the parent's CPU time is the
// bridge's alone and DDS crosses a process boundary as in a deployment.
namespace opsdeck::bench {

// --writer <domain> <rate Hz, 0 = as fast as possible> <duration ms> <keys>
int runWriter(const QStringList &args);
// --clients <address> <fast count> <slow sleep µs, 0 = no slow one> <duration ms> <latency 0|1>
//           <SubscribeBatched 0|1>
int runClients(const QStringList &args);

// steady_clock in ns: the same clock in every process on this machine.
long long steadyNowNs();
// CPU seconds (user + system) this process used so far.
double processCpuSeconds();

} // namespace opsdeck::bench
