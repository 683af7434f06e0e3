#pragma once

#include "model/connectionsettings.h"

#include <QDialog>

#include <array>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace opsdeck::widgets {

// File ▸ Connect…: the address, TLS files and token of each backend. Addresses
// are checked as they are typed with model::parseEndpointUrl (the same parser
// the clients use) and errors are shown next to the field; OK stays disabled
// while anything is invalid. The caller stores the result (QSettings).
class ConnectionsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionsDialog(const model::ConnectionSettings &initial, QWidget *parent = nullptr);

    model::ConnectionSettings connectionSettings() const;
    bool isValid() const;

    // Inline error of a backend's page, empty when it is valid (tests, a11y).
    QString errorText(model::Backend backend) const;
    QLineEdit *addressEdit(model::Backend backend) const;
    QLineEdit *caEdit(model::Backend backend) const;
    QLineEdit *certEdit(model::Backend backend) const;
    QLineEdit *keyEdit(model::Backend backend) const;
    QLineEdit *tokenEdit(model::Backend backend) const;

private:
    struct Page
    {
        QLineEdit *address = nullptr;
        QLineEdit *ca = nullptr;
        QLineEdit *cert = nullptr;
        QLineEdit *key = nullptr;
        QLineEdit *token = nullptr;
        QLabel *error = nullptr;
    };

    QWidget *buildPage(model::Backend backend, const model::BackendSettings &initial);
    QWidget *fileRow(QLineEdit *edit, const QString &caption);
    QString validate(const Page &page) const;
    void revalidate();

    QTabWidget *m_tabs;
    QDialogButtonBox *m_buttons;
    std::array<Page, model::kAllBackends.size()> m_pages;
};

} // namespace opsdeck::widgets
