#include "views3d/glprobe.h"

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>

namespace opsdeck::views3d {

namespace {
// The translation context of the probe's messages (lupdate reads it).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(opsdeck::views3d::GlProbe)
};
} // namespace

bool probeOpenGL(QString *why)
{
    auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    const QString platform = QGuiApplication::platformName();
    // Qt's offscreen and minimal platforms have no OpenGL integration; asking
    // them for a context only prints warnings.
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
        return fail(Text::tr("OpenGL is not available on the \"%1\" display platform, so the 3D view "
                             "cannot be shown. Run on a desktop or under Xvfb (xvfb-run).")
                        .arg(platform));
    QOpenGLContext context;
    if (!context.create())
        return fail(Text::tr("No OpenGL context could be created on this display (platform \"%1\"). "
                             "Check the graphics driver (Mesa) or run under Xvfb.")
                        .arg(platform));
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface))
        return fail(Text::tr("An OpenGL context was created but could not be made current "
                             "(platform \"%1\").")
                        .arg(platform));
    const auto *renderer = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    context.doneCurrent();
    if (!renderer)
        return fail(Text::tr("The OpenGL driver reported no renderer."));
    return true;
}

} // namespace opsdeck::views3d
