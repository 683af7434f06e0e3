#include "backends/dds/qos.h"

namespace opsdeck::dds {

QosPtr makeQos(QosKind kind)
{
    QosPtr qos(dds_create_qos());
    switch (kind) {
    case QosKind::State:
        dds_qset_reliability(qos.get(), DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
        dds_qset_durability(qos.get(), DDS_DURABILITY_TRANSIENT_LOCAL);
        dds_qset_history(qos.get(), DDS_HISTORY_KEEP_LAST, 1);
        break;
    case QosKind::Control:
        dds_qset_reliability(qos.get(), DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
        dds_qset_durability(qos.get(), DDS_DURABILITY_TRANSIENT_LOCAL);
        dds_qset_history(qos.get(), DDS_HISTORY_KEEP_LAST, 1);
        break;
    case QosKind::TimeAdvance:
        dds_qset_reliability(qos.get(), DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
        dds_qset_durability(qos.get(), DDS_DURABILITY_VOLATILE);
        dds_qset_history(qos.get(), DDS_HISTORY_KEEP_ALL, DDS_LENGTH_UNLIMITED);
        break;
    case QosKind::Stream:
        dds_qset_reliability(qos.get(), DDS_RELIABILITY_BEST_EFFORT, 0);
        dds_qset_durability(qos.get(), DDS_DURABILITY_VOLATILE);
        dds_qset_history(qos.get(), DDS_HISTORY_KEEP_LAST, 8);
        break;
    }
    return qos;
}

std::string describeQos(QosKind kind)
{
    switch (kind) {
    case QosKind::State:
        return "reliable, transient-local, keep-last 1 per key";
    case QosKind::Control:
        return "reliable, transient-local, keep-last 1";
    case QosKind::TimeAdvance:
        return "reliable, volatile, keep-all";
    case QosKind::Stream:
        return "best-effort, volatile, keep-last 8";
    }
    return {};
}

} // namespace opsdeck::dds
