#pragma once

#include <QMenu>

#include <vector>

class QActionGroup;
class QSettings;

namespace opsdeck::widgets {

// A language OpsDeck ships a translation for.
struct UiLanguage
{
    QString code; // "en", "zh_CN", "ru": the suffix of resources/translations/opsdeck_<code>.ts
    QString nativeName; // how its speakers write it; never translated
};

// Every shipped language, English first.
const std::vector<UiLanguage> &uiLanguages();

// The QSettings key holding the chosen language: a code from uiLanguages(),
// or empty (or absent) for the system's language.
inline constexpr char kLanguageSettingsKey[] = "ui/language";

// Settings ▸ Language: "System default" and one checkable entry per shipped
// language, stored in `settings` under ui/language. The translators are
// installed at start-up, so a choice applies the next time OpsDeck starts;
// the menu says so in its last (disabled) entry.
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    LanguageMenu(QSettings &settings, QWidget *parent = nullptr);

    // The code stored in the settings ("" = system default).
    QString chosenLanguage() const;
    // The note at the end of the menu (tests, accessibility).
    QString noteText() const;

Q_SIGNALS:
    void languageChosen(const QString &code);

private:
    void choose(const QString &code);
    void updateNote();

    QSettings &m_settings;
    QActionGroup *m_group = nullptr;
    QAction *m_note = nullptr;
    QString m_startedWith;
};

} // namespace opsdeck::widgets
