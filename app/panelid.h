#pragma once

#include <QString>

#include <array>

namespace opsdeck::app {

// The panels of the main window. Topology3D is the central area; the others
// are docks.
enum class PanelId { Topology3D, Services, Costs, Simulation, Timeline, Diagnostics, Connections, Details };
inline constexpr std::array<PanelId, 8> kAllPanels { PanelId::Topology3D, PanelId::Services, PanelId::Costs,
    PanelId::Simulation, PanelId::Timeline, PanelId::Diagnostics, PanelId::Connections, PanelId::Details };

// Unique objectName of the panel's dock ("dock_services"; "panel_topology3d"
// for the central area). Saved layouts refer to these: never rename one
// without bumping LayoutManager::kStateVersion.
QString panelObjectName(PanelId id);

} // namespace opsdeck::app
