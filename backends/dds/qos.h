#pragma once

#include <dds/dds.h>

#include <memory>
#include <string>

namespace opsdeck::dds {

// The QoS profiles of DESIGN.md.
enum class QosKind {
    State, // reliable, transient-local, keep-last 1 per key: late joiners get the current value
    Control, // reliable, transient-local, keep-last 1
    TimeAdvance, // reliable, volatile, keep-all: no grant may be lost or replayed
    Stream, // best-effort, volatile, keep-last 8: high-rate data
};

struct QosDeleter
{
    void operator()(dds_qos_t *qos) const { dds_delete_qos(qos); }
};
using QosPtr = std::unique_ptr<dds_qos_t, QosDeleter>;

QosPtr makeQos(QosKind kind);
std::string describeQos(QosKind kind);

} // namespace opsdeck::dds
