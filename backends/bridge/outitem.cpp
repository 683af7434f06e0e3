#include "backends/bridge/outitem.h"

namespace opsdeck::bridge {

OutItemPtr makeItem(Key key, bool state, const opsdeck::v1::Sample &sample, std::vector<std::uint32_t> nodes)
{
    auto item = std::make_shared<OutItem>();
    item->key = key;
    item->state = state;
    item->recvUnixNs = sample.bridge_recv_unix_ns();
    if (sample.has_node()) {
        const auto &geo = sample.node().geo();
        item->hasPosition = true;
        item->latDeg = geo.lat_deg();
        item->lonDeg = geo.lon_deg();
        item->altM = geo.alt_m();
    }
    item->nodes = std::move(nodes);
    // Straight into the slice every subscriber will reference: no interim string.
    const std::size_t size = sample.ByteSizeLong();
    grpc::Slice body(size);
    sample.SerializeWithCachedSizesToArray(const_cast<std::uint8_t *>(body.begin()));
    item->body = std::move(body);
    return item;
}

} // namespace opsdeck::bridge
