#include "widgets/settingsmenu.h"

#include "widgets/languagemenu.h"

namespace opsdeck::widgets {

SettingsMenu::SettingsMenu(QSettings &settings, QWidget *parent)
    : QMenu(tr("&Settings"), parent)
    , m_language(new LanguageMenu(settings, this))
{
    setObjectName(QStringLiteral("menu_settings"));
    addMenu(m_language);
}

} // namespace opsdeck::widgets
