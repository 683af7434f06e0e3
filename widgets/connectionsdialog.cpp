#include "widgets/connectionsdialog.h"

#include "model/endpointurl.h"
#include "widgets/connectionsmodel.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace opsdeck::widgets {

ConnectionsDialog::ConnectionsDialog(const model::ConnectionSettings &initial, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Connect to backends"));
    setAccessibleName(windowTitle());
    m_tabs->setObjectName(QStringLiteral("connectionsTabs"));
    for (model::Backend backend : model::kAllBackends)
        m_tabs->addTab(buildPage(backend, initial.of(backend)), ConnectionsModel::backendTitle(backend));

    auto *note = new QLabel(tr("Addresses are grpcs://host:port (TLS) or grpc://host:port (plaintext, which "
                               "the console uses only on this machine's loopback). Leave an address empty "
                               "to not use that backend."),
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(note);
    layout->addWidget(m_buttons);
    setMinimumWidth(600);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
}

QWidget *ConnectionsDialog::buildPage(model::Backend backend, const model::BackendSettings &initial)
{
    const QString key = model::backendKey(backend);
    Page &page = m_pages[std::size_t(backend)];
    auto *widget = new QWidget(m_tabs);
    widget->setObjectName(QStringLiteral("page_%1").arg(key));
    auto makeEdit = [widget, &key](const QString &field, const QString &text, const QString &accessible) {
        auto *edit = new QLineEdit(text, widget);
        edit->setObjectName(QStringLiteral("%1_%2").arg(key, field));
        edit->setAccessibleName(accessible);
        return edit;
    };
    page.address = makeEdit(QStringLiteral("address"), initial.url, tr("Address"));
    page.address->setPlaceholderText(QStringLiteral("grpc://127.0.0.1:50051"));
    page.ca = makeEdit(QStringLiteral("ca"), initial.caFile, tr("CA certificate file"));
    page.ca->setPlaceholderText(tr("system roots"));
    page.cert = makeEdit(QStringLiteral("cert"), initial.certFile, tr("Client certificate file"));
    page.cert->setPlaceholderText(tr("none"));
    page.key = makeEdit(QStringLiteral("key"), initial.keyFile, tr("Client key file"));
    page.key->setPlaceholderText(tr("none"));
    page.token = makeEdit(QStringLiteral("token"), initial.token, tr("Bearer token"));
    page.token->setEchoMode(QLineEdit::Password);
    page.token->setPlaceholderText(tr("none"));
    page.error = new QLabel(widget);
    page.error->setObjectName(QStringLiteral("%1_error").arg(key));
    page.error->setWordWrap(true);
    QPalette errorPalette = page.error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd6, 0x30, 0x26));
    page.error->setPalette(errorPalette);

    auto *form = new QFormLayout(widget);
    form->addRow(tr("&Address:"), page.address);
    form->addRow(QString(), page.error);
    form->addRow(tr("&CA certificate:"), fileRow(page.ca, tr("CA certificate (PEM)")));
    form->addRow(tr("Client c&ertificate:"), fileRow(page.cert, tr("Client certificate (PEM)")));
    form->addRow(tr("Client &key:"), fileRow(page.key, tr("Client key (PEM)")));
    form->addRow(tr("&Token:"), page.token);
    for (QLineEdit *edit : { page.address, page.ca, page.cert, page.key })
        connect(edit, &QLineEdit::textChanged, this, &ConnectionsDialog::revalidate);
    return widget;
}

QWidget *ConnectionsDialog::fileRow(QLineEdit *edit, const QString &caption)
{
    auto *row = new QWidget(edit->parentWidget());
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setParent(row);
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setAccessibleName(tr("Browse for %1").arg(caption));
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, edit, [this, edit, caption] {
        const QString file = QFileDialog::getOpenFileName(
            this, caption, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(file);
    });
    return row;
}

QString ConnectionsDialog::validate(const Page &page) const
{
    const QString url = page.address->text().trimmed();
    QStringList problems;
    if (!url.isEmpty()) {
        QString error;
        if (!model::parseEndpointUrl(url, nullptr, &error))
            problems << error;
    }
    for (QLineEdit *edit : { page.ca, page.cert, page.key }) {
        const QString path = edit->text().trimmed();
        if (!path.isEmpty() && !QFileInfo(path).isReadable())
            problems << tr("%1: cannot read '%2'").arg(edit->accessibleName(), path);
    }
    if (page.cert->text().trimmed().isEmpty() != page.key->text().trimmed().isEmpty())
        problems << tr("a client certificate needs both a certificate and a key file");
    return problems.join(QLatin1Char('\n'));
}

void ConnectionsDialog::revalidate()
{
    bool ok = true;
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        const QString error = validate(m_pages[i]);
        m_pages[i].error->setText(error);
        m_pages[i].error->setVisible(!error.isEmpty());
        m_tabs->setTabIcon(
            int(i), error.isEmpty() ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
        ok = ok && error.isEmpty();
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    // Grow (never shrink) so that a long inline error is never cut off.
    layout()->activate();
    const int wanted
        = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    if (wanted > height())
        resize(width(), wanted);
}

bool ConnectionsDialog::isValid() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

QString ConnectionsDialog::errorText(model::Backend backend) const
{
    return m_pages[std::size_t(backend)].error->text();
}

model::ConnectionSettings ConnectionsDialog::connectionSettings() const
{
    model::ConnectionSettings result;
    for (model::Backend backend : model::kAllBackends) {
        const Page &page = m_pages[std::size_t(backend)];
        model::BackendSettings &b = result.of(backend);
        b.url = page.address->text().trimmed();
        b.caFile = page.ca->text().trimmed();
        b.certFile = page.cert->text().trimmed();
        b.keyFile = page.key->text().trimmed();
        b.token = page.token->text();
    }
    return result;
}

QLineEdit *ConnectionsDialog::addressEdit(model::Backend backend) const
{
    return m_pages[std::size_t(backend)].address;
}
QLineEdit *ConnectionsDialog::caEdit(model::Backend backend) const
{
    return m_pages[std::size_t(backend)].ca;
}
QLineEdit *ConnectionsDialog::certEdit(model::Backend backend) const
{
    return m_pages[std::size_t(backend)].cert;
}
QLineEdit *ConnectionsDialog::keyEdit(model::Backend backend) const
{
    return m_pages[std::size_t(backend)].key;
}
QLineEdit *ConnectionsDialog::tokenEdit(model::Backend backend) const
{
    return m_pages[std::size_t(backend)].token;
}

} // namespace opsdeck::widgets
