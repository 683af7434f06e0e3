#pragma once

#include "widgets/layoutmanager.h"

#include <QStringList>

#include <vector>

namespace opsdeck::app {

// The named dock layouts of the main window; the first is the default.
//  Operator  — live monitoring and control: simulation control and services on
//              the right, timeline, connections and diagnostics below.
//  Analyst   — looking back: wide services and costs charts, a tall timeline.
//  Presenter — a big 3D view with services and costs; no operator clutter.
std::vector<widgets::NamedLayout> namedLayouts();
QStringList layoutNames();
// "analyst" → "Analyst"; empty for an unknown name.
QString canonicalLayoutName(const QString &name);

} // namespace opsdeck::app
