#pragma once

#include <QMenu>

class QSettings;

namespace opsdeck::widgets {

class LanguageMenu;

// The top-level Settings menu (text only: a menu-bar entry with an icon shows
// just the icon): today Language ▸ (LanguageMenu). Colours stay
// in View ▸ Theme, which applies at once.
class SettingsMenu : public QMenu
{
    Q_OBJECT

public:
    SettingsMenu(QSettings &settings, QWidget *parent = nullptr);

    LanguageMenu *languageMenu() const { return m_language; }

private:
    LanguageMenu *m_language = nullptr;
};

} // namespace opsdeck::widgets
