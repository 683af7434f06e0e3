#include "widgets/simulationview.h"

#include "widgets/simulationmembersmodel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <tuple>

namespace opsdeck::widgets {

using model::SimClockModel;
using opsdeck::v1::ControlKind;

namespace {

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(name);
    return label;
}

QTableView *table(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

} // namespace

SimulationView::SimulationView(QWidget *parent)
    : QWidget(parent)
    , m_confirm([](QWidget *p, const QString &title, const QString &question) {
        return QMessageBox::question(
                   p, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    })
{
    setObjectName(QStringLiteral("simulationView"));
    auto *layout = new QVBoxLayout(this);

    m_state = valueLabel(this, QStringLiteral("simulationState"));
    QFont big = m_state->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_state->setFont(big);
    m_connection = valueLabel(this, QStringLiteral("simulationConnection"));
    m_connection->setWordWrap(true);
    layout->addWidget(m_state);
    layout->addWidget(m_connection);

    m_empty = new QLabel(
        tr("No simulation clock yet. Connect to a DDS-bridge (File ▸ Connect…) or run with --demo to see "
           "and control the simulation."),
        this);
    m_empty->setObjectName(QStringLiteral("simulationEmpty"));
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);

    m_details = new QWidget(this);
    auto *form = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    m_simSeconds = valueLabel(m_details, QStringLiteral("simulationSeconds"));
    m_epochTime = valueLabel(m_details, QStringLiteral("simulationEpochTime"));
    m_dt = valueLabel(m_details, QStringLiteral("simulationDt"));
    m_rate = valueLabel(m_details, QStringLiteral("simulationRate"));
    m_step = valueLabel(m_details, QStringLiteral("simulationStep"));
    form->addRow(tr("Sim time:"), m_simSeconds);
    form->addRow(tr("Epoch time (YYYYDDD.HHMMSS):"), m_epochTime);
    form->addRow(tr("Δt:"), m_dt);
    form->addRow(tr("Real-time factor:"), m_rate);
    form->addRow(tr("Step:"), m_step);
    layout->addWidget(m_details);

    auto *buttons = new QHBoxLayout;
    // The id names the button's object and icon; the text is translated.
    const std::tuple<ControlKind, QLatin1String, QString> kinds[] = {
        { opsdeck::v1::CONTROL_KIND_START, QLatin1String("Start"), tr("Start") },
        { opsdeck::v1::CONTROL_KIND_FREEZE, QLatin1String("Freeze"), tr("Freeze") },
        { opsdeck::v1::CONTROL_KIND_RESUME, QLatin1String("Resume"), tr("Resume") },
        { opsdeck::v1::CONTROL_KIND_STOP, QLatin1String("Stop"), tr("Stop") },
        { opsdeck::v1::CONTROL_KIND_RESET, QLatin1String("Reset"), tr("Reset") },
    };
    for (const auto &[kind, id, text] : kinds) {
        auto *button = new QPushButton(
            QIcon(QStringLiteral(":/opsdeck/icons/sim-%1.svg").arg(QString(id).toLower())), text, this);
        const QString name = QStringLiteral("simulation%1Button").arg(id);
        button->setObjectName(name);
        button->setAccessibleName(tr("%1 the simulation").arg(text));
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, this, [this, k = kind] { request(k); });
        buttons->addWidget(button);
        m_buttons[kind] = button;
    }
    layout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("simulationSplitter"));
    m_members = new SimulationMembersModel(this);
    m_log = new SimulationLogModel(this);
    m_memberTable = table(split, QStringLiteral("simulationMembers"));
    m_memberTable->setModel(m_members);
    m_logTable = table(split, QStringLiteral("simulationLog"));
    m_logTable->setModel(m_log);
    split->addWidget(m_memberTable);
    split->addWidget(m_logTable);
    layout->addWidget(split, 1);

    updateLabels();
    updateButtons();
}

SimulationView::~SimulationView() = default;

void SimulationView::setConfirmation(Confirmation confirmation)
{
    m_confirm = std::move(confirmation);
}

QPushButton *SimulationView::button(ControlKind kind) const
{
    const auto it = m_buttons.find(kind);
    return it == m_buttons.end() ? nullptr : it->second;
}

void SimulationView::setRole(opsdeck::v1::Role role)
{
    m_role = role;
    updateButtons();
}

void SimulationView::setSnapshot(std::shared_ptr<const model::SimClockSnapshot> snapshot)
{
    if (snapshot == m_snapshot || (snapshot && m_snapshot && snapshot->version == m_snapshot->version))
        return;
    m_snapshot = std::move(snapshot);
    if (m_snapshot) {
        m_members->setMembers(m_snapshot->members);
        const int before = m_log->rowCount();
        m_log->setLog(m_snapshot->log);
        if (m_log->rowCount() != before)
            m_logTable->scrollToBottom(); // the newest command and its answer in view
    }
    updateLabels();
    updateButtons();
}

void SimulationView::updateLabels()
{
    const bool known = m_snapshot && m_snapshot->known;
    m_empty->setVisible(!known);
    m_details->setVisible(known);
    if (!m_snapshot || !known) {
        m_state->setText(tr("No simulation"));
    } else {
        m_state->setText(SimClockModel::stateName(m_snapshot->state));
        m_simSeconds->setText(SimClockModel::formatSimSeconds(m_snapshot->simTimeNs));
        m_epochTime->setText(m_snapshot->epochTime);
        m_dt->setText(tr("%1 ms").arg(double(m_snapshot->dtNs) / 1e6, 0, 'f', 1));
        m_rate->setText(tr("%1 ×").arg(m_snapshot->realTimeFactor, 0, 'f', 2));
        m_step->setText(QString::number(m_snapshot->step));
    }
    if (!m_snapshot || m_snapshot->connected) {
        m_connection->clear();
        m_connection->setVisible(false);
    } else {
        m_connection->setVisible(true);
        m_connection->setText(m_snapshot->connectionError.isEmpty()
                ? tr("Not connected to the bridge. Showing the last state received.")
                : tr("Not connected to the bridge (%1). Showing the last state received.")
                      .arg(m_snapshot->connectionError));
    }
}

void SimulationView::updateButtons()
{
    const bool known = m_snapshot && m_snapshot->known;
    const bool connected = m_snapshot && m_snapshot->connected;
    const bool isOperator = m_role == opsdeck::v1::ROLE_OPERATOR;
    for (auto &[kind, button] : m_buttons) {
        const bool allowed = known && SimClockModel::allows(m_snapshot->state, kind);
        button->setEnabled(allowed && connected && isOperator);
        QString why;
        if (!connected)
            why = tr("Not connected to a bridge.");
        else if (!isOperator)
            why = tr("Your token does not have the operator role.");
        else if (!allowed)
            why = tr("Not possible while the simulation is %1.")
                      .arg(SimClockModel::stateName(
                          known ? m_snapshot->state : opsdeck::v1::SIM_STATE_UNSPECIFIED));
        button->setToolTip(why.isEmpty()
                ? tr("Send \"%1\" to the control module.").arg(SimClockModel::commandName(kind))
                : why);
    }
}

void SimulationView::request(ControlKind kind)
{
    // Re-check: the state may have moved since the button was drawn.
    if (!m_snapshot || !m_snapshot->known || !SimClockModel::allows(m_snapshot->state, kind)
        || m_role != opsdeck::v1::ROLE_OPERATOR)
        return;
    if (kind == opsdeck::v1::CONTROL_KIND_FREEZE || kind == opsdeck::v1::CONTROL_KIND_STOP) {
        const QString title = kind == opsdeck::v1::CONTROL_KIND_FREEZE ? tr("Freeze the simulation?")
                                                                       : tr("Stop the simulation?");
        const QString question = kind == opsdeck::v1::CONTROL_KIND_FREEZE
            ? tr("Every member will hold at the last time-advance point until the simulation is resumed.")
            : tr("The simulation run ends for every member. It can only be reset to Init afterwards.");
        if (!m_confirm || !m_confirm(this, title, question))
            return;
    }
    Q_EMIT controlRequested(kind);
}

} // namespace opsdeck::widgets
