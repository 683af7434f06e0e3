#pragma once

#include <QString>

namespace opsdeck::views3d {

// Tries to create and make current an OpenGL context on an offscreen surface
// with the application's default format. Returns false and a sentence for the
// user when that is impossible (e.g. Qt's "offscreen" platform, no GL driver).
// GUI thread only; needs a QGuiApplication.
bool probeOpenGL(QString *why);

} // namespace opsdeck::views3d
