#include "widgets/languagemenu.h"

#include <QActionGroup>
#include <QIcon>
#include <QSettings>

namespace opsdeck::widgets {

const std::vector<UiLanguage> &uiLanguages()
{
    static const std::vector<UiLanguage> languages = {
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("zh_CN"), QStringLiteral("简体中文") },
        { QStringLiteral("ru"), QStringLiteral("Русский") },
    };
    return languages;
}

LanguageMenu::LanguageMenu(QSettings &settings, QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("menu_language"));
    setIcon(QIcon(QStringLiteral(":/opsdeck/icons/language.svg")));
    m_startedWith = chosenLanguage();
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);

    auto addChoice = [this](const QString &code, const QString &text) {
        QAction *action = addAction(text);
        action->setCheckable(true);
        action->setData(code);
        action->setObjectName(
            QStringLiteral("action_language_%1").arg(code.isEmpty() ? QStringLiteral("system") : code));
        action->setChecked(code == m_startedWith);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    };
    addChoice(QString(), tr("System default"));
    addSeparator();
    for (const UiLanguage &language : uiLanguages())
        addChoice(language.code, language.nativeName);
    // A stored code this build does not ship behaves like the system default.
    if (!m_group->checkedAction())
        m_group->actions().constFirst()->setChecked(true);
    addSeparator();
    m_note = addAction(QString());
    m_note->setEnabled(false);
    updateNote();
}

QString LanguageMenu::chosenLanguage() const
{
    return m_settings.value(QLatin1String(kLanguageSettingsKey)).toString();
}

QString LanguageMenu::noteText() const
{
    return m_note->text();
}

void LanguageMenu::choose(const QString &code)
{
    if (code == chosenLanguage())
        return;
    m_settings.setValue(QLatin1String(kLanguageSettingsKey), code);
    updateNote();
    Q_EMIT languageChosen(code);
}

void LanguageMenu::updateNote()
{
    m_note->setText(chosenLanguage() == m_startedWith
            ? tr("A new language applies the next time OpsDeck starts")
            : tr("The new language applies the next time OpsDeck starts"));
}

} // namespace opsdeck::widgets
